package gov.etax.identity.query.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The subjects one stored event concerns, exactly as {@link EventFilter} decides it in a scan, so
 * that the audit index answers what the scan answers. "Names X" in the filter is the payload text
 * holding {@code "X"}; in valid JSON that is a string token (value or field name) equal to X, so the
 * tokens are what is indexed.
 */
final class AuditSubjects {

    static final String PERSON = "PERSON";
    static final String USCC = "USCC";
    static final String AUTHORIZATION = "AUTHORIZATION";

    private static final JsonFactory JSON = new JsonFactory();

    /** A subject: its kind and its value. */
    record Subject(String kind, String value) {
    }

    private AuditSubjects() {
    }

    /**
     * The subjects of {@code event}, given what its aggregate learned before ({@code learned}, which
     * this call extends with what the event teaches).
     */
    static Set<Subject> of(StoredEvent event, Set<Subject> learned) {
        Set<Subject> subjects = new LinkedHashSet<>(learned);
        String aggregate = event.aggregateId();
        Set<String> payloadTokens = tokens(event.payload());
        if (isPersonId(aggregate)) {
            subjects.add(new Subject(PERSON, aggregate));
        }
        if (isAuthorizationId(aggregate)) {
            subjects.add(new Subject(AUTHORIZATION, aggregate));
        }
        for (String token : payloadTokens) {
            if (isPersonId(token)) {
                Subject person = new Subject(PERSON, token);
                subjects.add(person);
                if (aggregate.startsWith("authorization-")) {
                    learned.add(person);
                }
            } else if (isUscc(token)) {
                Subject uscc = new Subject(USCC, token);
                subjects.add(uscc);
                if (learnsSubjects(aggregate)) {
                    learned.add(uscc);
                }
            } else if (isAuthorizationId(token) && aggregate.startsWith("enterprise-")) {
                // The scan by authorization reads only its own aggregate and the enterprises'.
                subjects.add(new Subject(AUTHORIZATION, token));
            }
        }
        if (event.metadata() != null) {
            for (String token : tokens(event.metadata())) {
                if (isPersonId(token)) {
                    subjects.add(new Subject(PERSON, token)); // the actor
                }
            }
        }
        return subjects;
    }

    /**
     * Whether the aggregate's events can teach it subjects for its later events ({@link #of}): a person's
     * never do, so nothing is ever stored for a person's aggregate, nor need be read.
     */
    static boolean learnsSubjects(String aggregateId) {
        return !aggregateId.startsWith("person-");
    }

    /** Every string value and field name of a JSON text; none if it is not JSON. */
    static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        if (text == null) {
            return tokens;
        }
        try (JsonParser parser = JSON.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    tokens.add(parser.getText());
                }
            }
        } catch (IOException e) {
            // not JSON: it names nothing the filters look for
        }
        return tokens;
    }

    static boolean isPersonId(String value) {
        return value.startsWith("person-") && valid(() -> PersonId.parse(value).value().equals(value));
    }

    static boolean isAuthorizationId(String value) {
        return value.startsWith("authorization-") && valid(() -> AuthorizationId.parse(value).value().equals(value));
    }

    static boolean isUscc(String value) {
        // Only digits and capitals can be a code: other strings of 18 characters (most of them) are told
        // apart without the refusal the constructor throws.
        return value.length() == 18 && digitsAndCapitals(value) && valid(() -> new Uscc(value).value().equals(value));
    }

    private static boolean digitsAndCapitals(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean valid(java.util.function.BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException invalid) {
            return false;
        }
    }
}
