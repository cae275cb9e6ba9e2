package gov.etax.identity.command.person;

import gov.etax.identity.command.person.registration.OfflineCollections;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.privacy.AesGcm;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;

/** In-memory stand-ins for the aggregate's ports, so aggregate tests need no database. */
final class InMemoryPorts {

    private InMemoryPorts() {
    }

    /** Offline real-name collections (REG-3) recorded by the test. */
    static final class InMemoryOfflineCollections implements OfflineCollections {

        private final Set<DocumentNumber> onRecord = new HashSet<>();

        void record(DocumentNumber document) {
            onRecord.add(document);
        }

        @Override
        public boolean isOnRecord(DocumentNumber document) {
            return onRecord.contains(document);
        }
    }

    /**
     * Claims with the refusals of the real adapter. All three values are checked before any is
     * added, standing in for the transaction rollback that undoes a partial claim in production.
     */
    static final class InMemoryIdentityClaims implements IdentityClaims {

        final Set<DocumentNumber> documents = new HashSet<>();
        final Set<MobilePhone> phones = new HashSet<>();
        final Set<Username> usernames = new HashSet<>();

        @Override
        public void claim(PersonId personId, DocumentNumber document, MobilePhone phone, Username username) {
            refuseIfTaken(document, phone, username);
            documents.add(document);
            phones.add(phone);
            if (username != null) {
                usernames.add(username);
            }
        }

        @Override
        public void refuseIfTaken(DocumentNumber document, MobilePhone phone, Username username) {
            if (documents.contains(document)) {
                throw PersonReason.DOCUMENT_ALREADY_REGISTERED.refusal();
            }
            if (phones.contains(phone)) {
                throw PersonReason.PHONE_ALREADY_BOUND.refusal();
            }
            if (username != null && usernames.contains(username)) {
                throw PersonReason.USERNAME_TAKEN.refusal();
            }
        }

        boolean isEmpty() {
            return documents.isEmpty() && phones.isEmpty() && usernames.isEmpty();
        }
    }

    static final class InMemoryCredentialStore implements CredentialStore {

        final Map<PersonId, PasswordHash> hashes = new HashMap<>();

        @Override
        public void store(PersonId personId, PasswordHash hash) {
            hashes.put(personId, hash);
        }

        @Override
        public java.util.Optional<StoredCredential> find(PersonId personId) {
            return java.util.Optional.ofNullable(hashes.get(personId)).map(hash -> new StoredCredential(hash, false));
        }
    }

    /**
     * Really encrypts, like the JDBC vault: AES-GCM under a data key per person, with the person id
     * as associated data. The test keeps the keys so it can open what the aggregate sealed.
     */
    static final class InMemoryPersonalDataVault implements PersonalDataVault {

        final Map<PersonId, SecretKey> keys = new HashMap<>();

        @Override
        public Sealer sealerFor(PersonId personId) {
            SecretKey key = keys.computeIfAbsent(personId, id -> AesGcm.newKey());
            return plaintext -> AesGcm.seal(key, plaintext, personId.value());
        }

        String open(PersonId personId, EncryptedText text) {
            SecretKey key = keys.get(personId);
            if (key == null) {
                throw new IllegalStateException("no data key for " + personId);
            }
            return AesGcm.open(key, text, personId.value());
        }
    }
}
