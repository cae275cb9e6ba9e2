package gov.etax.identity.command.authorization;

import gov.etax.identity.command.enterprise.EnterpriseReason;
import gov.etax.identity.command.enterprise.EnterpriseRegister;
import gov.etax.identity.command.enterprise.LegalRepresentations;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.AesGcm;
import gov.etax.identity.kernel.privacy.EncryptedText;
import gov.etax.identity.kernel.refusal.Refusal;
import gov.etax.identity.kernel.refusal.Reason;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/** In-memory ports with the behaviour of the JDBC adapters, so the aggregates' rules are tested without a database. */
public final class AuthorizationFakes {

    private AuthorizationFakes() {
    }

    /**
     * Registered persons by document (the identity claims). The port answers by document; its other
     * questions (phones, usernames, ...) have empty answers, whatever the interface grows to.
     */
    public static final class Directory {

        public final Map<DocumentNumber, PersonId> persons = new HashMap<>();

        public PersonId register(DocumentNumber document) {
            return persons.computeIfAbsent(document, d -> PersonId.generate());
        }

        public PersonDirectory port() {
            return (PersonDirectory) Proxy.newProxyInstance(PersonDirectory.class.getClassLoader(),
                    new Class<?>[] {PersonDirectory.class}, (proxy, method, args) -> {
                        if (method.getName().equals("withDocument")) {
                            return Optional.ofNullable(persons.get((DocumentNumber) args[0]));
                        }
                        if (method.getName().equals("toString")) {
                            return "in-memory directory of " + persons.size() + " persons";
                        }
                        Class<?> type = method.getReturnType();
                        if (type == Optional.class) {
                            return Optional.empty();
                        }
                        if (type == int.class || type == long.class) {
                            return type == int.class ? (Object) 0 : (Object) 0L;
                        }
                        return type == boolean.class ? Boolean.FALSE : null;
                    });
        }
    }

    /** Relationships in force by holder document; {@link #of} joins them to registered persons like the SQL does. */
    public static final class InMemoryRelationships implements Relationships {

        public final Map<AuthorizationId, ActiveRelationship> bound = new LinkedHashMap<>();
        public final Map<AuthorizationId, DocumentNumber> holders = new HashMap<>();
        private final Directory directory;

        public InMemoryRelationships(Directory directory) {
            this.directory = directory;
        }

        @Override
        public void bind(ActiveRelationship relationship, DocumentNumber holder) {
            bound.put(relationship.authorizationId(), relationship);
            holders.put(relationship.authorizationId(), holder);
        }

        @Override
        public void unbind(AuthorizationId authorizationId) {
            bound.remove(authorizationId);
            holders.remove(authorizationId);
        }

        @Override
        public List<ActiveRelationship> of(PersonId person, Instant now) {
            return bound.values().stream()
                    .filter(r -> person.equals(directory.persons.get(holders.get(r.authorizationId()))))
                    .filter(r -> r.validUntil() == null || r.validUntil().isAfter(now))
                    .toList();
        }
    }

    /** Unique (uscc, role, holder) while pending or active, like the table's key. */
    public static final class Claims implements AuthorizationClaims {

        public record Claim(Uscc uscc, RelationshipRole role, DocumentNumber holder, Instant validUntil) {
        }

        public final Map<AuthorizationId, Claim> claims = new LinkedHashMap<>();

        @Override
        public void claim(AuthorizationId authorizationId, Uscc uscc, RelationshipRole role, DocumentNumber holder,
                          Instant validUntil) {
            if (isClaimed(uscc, role, holder)) {
                throw AuthorizationReason.ALREADY_AUTHORIZED.refusal();
            }
            claims.put(authorizationId, new Claim(uscc, role, holder, validUntil));
        }

        @Override
        public boolean isClaimed(Uscc uscc, RelationshipRole role, DocumentNumber holder) {
            return claims.values().stream()
                    .anyMatch(c -> c.uscc().equals(uscc) && c.role() == role && c.holder().equals(holder));
        }

        @Override
        public void release(AuthorizationId authorizationId) {
            claims.remove(authorizationId);
        }
    }

    /** Really encrypts, under a key per subject with the subject id as associated data. */
    public static final class Vault implements PersonalDataVault {

        public final Map<String, SecretKey> keys = new HashMap<>();

        @Override
        public Sealer sealerFor(String subjectId) {
            SecretKey key = keys.computeIfAbsent(subjectId, id -> AesGcm.newKey());
            return plaintext -> AesGcm.seal(key, plaintext, subjectId);
        }

        @Override
        public Optional<Opener> openerFor(String subjectId) {
            SecretKey key = keys.get(subjectId);
            return key == null ? Optional.empty() : Optional.of(text -> AesGcm.open(key, text, subjectId));
        }

        public String open(String subjectId, EncryptedText text) {
            return openerFor(subjectId).orElseThrow().open(text);
        }

        /** The ciphertext the aggregate would have put into its first event (for given(...) histories). */
        public EncryptedText seal(AuthorizationId subject, String plaintext) {
            return sealerFor(subject.value()).seal(plaintext);
        }
    }

    public static final class Register implements EnterpriseRegister {

        public final Map<Uscc, EnterpriseId> enterprises = new HashMap<>();

        @Override
        public void claim(Uscc uscc, EnterpriseId enterpriseId) {
            if (enterprises.putIfAbsent(uscc, enterpriseId) != null) {
                throw EnterpriseReason.ENTERPRISE_ALREADY_CONFIRMED.refusal();
            }
        }

        @Override
        public Optional<EnterpriseId> find(Uscc uscc) {
            return Optional.ofNullable(enterprises.get(uscc));
        }
    }

    /** Records which legal representative authorizations the enterprise asked to end. */
    public static final class EndedLegalRepresentations implements LegalRepresentations {

        public record Ended(AuthorizationId previous, AuthorizationId successor, String changedBy) {
        }

        public final List<Ended> ended = new ArrayList<>();

        @Override
        public void endForSuccessor(AuthorizationId previous, AuthorizationId successor, String changedBy) {
            ended.add(new Ended(previous, successor, changedBy));
        }
    }

    /** Matches a {@link Refusal} of the given reason (for expectException). */
    public static Matcher<Object> refusal(Reason reason) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof Refusal r && Objects.equals(r.reason(), reason);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal " + reason.code() + " (" + reason.rule() + ")");
            }
        };
    }
}
