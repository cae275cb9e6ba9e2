package gov.etax.identity.command.person;

import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.command.person.registration.OfflineCollections;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.privacy.AesGcm;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

        @Override
        public Optional<HallCollection> find(DocumentNumber document, PersonName name) {
            return isOnRecord(document) ? Optional.of(new HallCollection(null, true)) : Optional.empty();
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
        /** Who holds each phone and username, for the claims and releases after registration. */
        final Map<MobilePhone, PersonId> phoneHolders = new HashMap<>();
        final Map<Username, PersonId> usernameHolders = new HashMap<>();

        @Override
        public void claim(PersonId personId, DocumentNumber document, MobilePhone phone, Username username) {
            refuseIfTaken(document, phone, username);
            documents.add(document);
            phones.add(phone);
            phoneHolders.put(phone, personId);
            if (username != null) {
                usernames.add(username);
                usernameHolders.put(username, personId);
            }
        }

        @Override
        public boolean claimPhone(PersonId personId, MobilePhone phone) {
            PersonId holder = phoneHolders.get(phone);
            if (holder != null) {
                if (holder.equals(personId)) {
                    return false;
                }
                throw PersonReason.PHONE_ALREADY_BOUND.refusal();
            }
            phones.add(phone);
            phoneHolders.put(phone, personId);
            return true;
        }

        @Override
        public boolean releasePhone(PersonId personId, MobilePhone phone) {
            if (!personId.equals(phoneHolders.get(phone))) {
                return false;
            }
            phones.remove(phone);
            phoneHolders.remove(phone);
            return true;
        }

        @Override
        public boolean claimUsername(PersonId personId, Username username) {
            PersonId holder = usernameHolders.get(username);
            if (holder != null) {
                if (holder.equals(personId)) {
                    return false;
                }
                throw PersonReason.USERNAME_TAKEN.refusal();
            }
            usernames.add(username);
            usernameHolders.put(username, personId);
            return true;
        }

        @Override
        public void releaseUsernamesOtherThan(PersonId personId, Username kept) {
            usernameHolders.entrySet().removeIf(entry -> entry.getValue().equals(personId) && !entry.getKey().equals(kept));
            usernames.retainAll(usernameHolders.keySet());
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

        @Override
        public void claimDocument(PersonId personId, DocumentNumber document) {
            if (documents.contains(document)) {
                throw PersonReason.DOCUMENT_ALREADY_REGISTERED.refusal();
            }
            documents.add(document);
        }

        @Override
        public boolean claimPhoneIfFree(PersonId personId, MobilePhone phone) {
            return phones.add(phone);
        }

        boolean isEmpty() {
            return documents.isEmpty() && phones.isEmpty() && usernames.isEmpty();
        }
    }

    /** The credential in use per person, and the province accounts' credentials (PWD-6), like the JDBC store. */
    static final class InMemoryCredentialStore implements CredentialStore {

        final Map<PersonId, PasswordHash> hashes = new HashMap<>();
        final Map<PersonId, Boolean> mustChange = new HashMap<>();
        final Map<PersonId, ProvinceCode> provinceInUse = new HashMap<>();
        final Map<PersonId, Map<ProvinceCode, StoredCredential>> provinces = new HashMap<>();

        @Override
        public void store(PersonId personId, PasswordHash hash) {
            hashes.put(personId, hash);
        }

        @Override
        public java.util.Optional<StoredCredential> find(PersonId personId) {
            return java.util.Optional.ofNullable(hashes.get(personId))
                    .map(hash -> new StoredCredential(hash, mustChange.getOrDefault(personId, false)));
        }

        @Override
        public void replace(PersonId personId, PasswordHash hash) {
            hashes.put(personId, hash);
            mustChange.put(personId, false);
            ProvinceCode inUse = provinceInUse.get(personId);
            if (inUse != null) {
                provinces.get(personId).put(inUse, new StoredCredential(hash, false));
            }
        }

        @Override
        public boolean upgrade(PersonId personId, PasswordHash current, PasswordHash stronger) {
            if (!current.equals(hashes.get(personId))) {
                return false;
            }
            hashes.put(personId, stronger);
            ProvinceCode inUse = provinceInUse.get(personId);
            if (inUse != null) {
                provinces.get(personId).computeIfPresent(inUse, (province, credential) ->
                        credential.hash().equals(current) ? new StoredCredential(stronger, credential.mustChange()) : credential);
            }
            return true;
        }

        @Override
        public void storeProvince(PersonId personId, ProvinceCode province, PasswordHash hash, boolean mustChangeIt) {
            provinces.computeIfAbsent(personId, id -> new LinkedHashMap<>()).put(province, new StoredCredential(hash, mustChangeIt));
            if (!hashes.containsKey(personId)) {
                hashes.put(personId, hash);
                mustChange.put(personId, mustChangeIt);
                provinceInUse.put(personId, province);
            }
        }

        @Override
        public void useProvince(PersonId personId, ProvinceCode province) {
            StoredCredential chosen = provinces.get(personId).get(province);
            hashes.put(personId, chosen.hash());
            mustChange.put(personId, chosen.mustChange());
            provinceInUse.put(personId, province);
        }

        @Override
        public List<ProvinceCredential> provinceAccounts(PersonId personId) {
            return provinces.getOrDefault(personId, Map.of()).entrySet().stream()
                    .map(e -> new ProvinceCredential(e.getKey(), e.getValue().mustChange(),
                            e.getKey().equals(provinceInUse.get(personId))))
                    .toList();
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

        /** Person tests seal for persons only; the authorization tests have a vault of their own. */
        @Override
        public Sealer sealerFor(String subjectId) {
            return sealerFor(PersonId.parse(subjectId));
        }

        @Override
        public java.util.Optional<Opener> openerFor(String subjectId) {
            PersonId personId = PersonId.parse(subjectId);
            return keys.containsKey(personId) ? java.util.Optional.of(text -> open(personId, text)) : java.util.Optional.empty();
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
