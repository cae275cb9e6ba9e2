package gov.etax.identity.command.authorization;

import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.privacy.AesGcm;
import gov.etax.identity.kernel.privacy.EncryptedText;
import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/** The one read-only port of the aggregates, in memory, and the sealing the services do before a command. */
public final class AuthorizationFakes {

    private AuthorizationFakes() {
    }

    /** The look-up tables as the aggregates read them; documents by a stand-in for their lookup hash. */
    public static final class Facts implements AuthorizationFacts {

        public record Claim(Uscc uscc, RelationshipRole role, String holderHash) {
        }

        public final Map<String, PersonId> persons = new HashMap<>();
        public final Map<AuthorizationId, ActiveRelationship> bound = new LinkedHashMap<>();
        public final Map<AuthorizationId, String> holders = new HashMap<>();
        public final Map<AuthorizationId, Claim> claims = new LinkedHashMap<>();
        public final Map<Uscc, EnterpriseId> enterprises = new HashMap<>();

        public PersonId register(DocumentNumber document) {
            return persons.computeIfAbsent(hash(document), d -> PersonId.generate());
        }

        public void bind(ActiveRelationship relationship, DocumentNumber holder) {
            bound.put(relationship.authorizationId(), relationship);
            holders.put(relationship.authorizationId(), hash(holder));
        }

        public void claim(AuthorizationId id, Uscc uscc, RelationshipRole role, DocumentNumber holder) {
            claims.put(id, new Claim(uscc, role, hash(holder)));
        }

        @Override
        public List<ActiveRelationship> of(PersonId person, Instant now) {
            return bound.values().stream()
                    .filter(r -> person.equals(persons.get(holders.get(r.authorizationId()))))
                    .filter(r -> r.validUntil() == null || r.validUntil().isAfter(now))
                    .toList();
        }

        @Override
        public boolean isClaimed(Uscc uscc, RelationshipRole role, String documentHash) {
            return claims.values().stream()
                    .anyMatch(c -> c.uscc().equals(uscc) && c.role() == role && c.holderHash().equals(documentHash));
        }

        @Override
        public boolean isRegisteredHolder(AuthorizationId authorizationId, PersonId person) {
            Claim claim = claims.get(authorizationId);
            return claim != null && person.equals(persons.get(claim.holderHash()));
        }

        @Override
        public Optional<PersonId> personWithDocument(String documentHash) {
            return Optional.ofNullable(persons.get(documentHash));
        }

        @Override
        public Optional<EnterpriseId> enterpriseWith(Uscc uscc) {
            return Optional.ofNullable(enterprises.get(uscc));
        }

        /** What the services do before sending: seal under the authorization's key, hash, look the person up. */
        public SealedHolder seal(Vault vault, AuthorizationId id, DocumentNumber document, PersonName name) {
            PersonalDataVault.Sealer sealer = vault.sealerFor(id.value());
            return new SealedHolder(document.type(), sealer.seal(document.value()),
                    name == null ? null : sealer.seal(name.value()), hash(document), persons.get(hash(document)));
        }

        public static String hash(DocumentNumber document) {
            return "lookup:" + document.type() + ":" + document.value();
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

        /** The ciphertext the service would have sealed into the first event (for given(...) histories). */
        public EncryptedText seal(AuthorizationId subject, String plaintext) {
            return sealerFor(subject.value()).seal(plaintext);
        }
    }

    /** Matches a {@link Refusal} of the given reason (for expectException). */
    public static Matcher<Object> refusal(Reason reason) {
        return refusal(reason, false);
    }

    /** Matches a recorded {@link Refusal} of the given reason: its events are kept (docs/adr/0017). */
    public static Matcher<Object> recordedRefusal(Reason reason) {
        return refusal(reason, true);
    }

    private static Matcher<Object> refusal(Reason reason, boolean recorded) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof Refusal r && Objects.equals(r.reason(), reason) && r.isRecorded() == recorded;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText((recorded ? "a recorded refusal " : "a refusal ") + reason.code()
                        + " (" + reason.rule() + ")");
            }
        };
    }

    /** Captures the payloads of the events the command applied. */
    public static Matcher<List<EventMessage<?>>> capture(List<Object> into) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                for (Object message : (List<?>) actual) {
                    into.add(((EventMessage<?>) message).getPayload());
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events");
            }
        };
    }
}
