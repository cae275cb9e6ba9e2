package gov.etax.identity.command.person;

import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.SealedIdentifier;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.privacy.AesGcm;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.EnumSet;
import java.util.HashMap;
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

    /**
     * Who holds which document, phone and username, set up by the test (in production the look-up
     * follows the person events). Answers by the hashes of {@link #hashOf}.
     */
    static final class InMemoryIdentityClaims implements IdentityClaims {

        final Map<DocumentNumber, PersonId> documentHolders = new HashMap<>();
        final Map<MobilePhone, PersonId> phoneHolders = new HashMap<>();
        final Map<Username, PersonId> usernameHolders = new HashMap<>();

        void claimDocument(PersonId personId, DocumentNumber document) {
            documentHolders.put(document, personId);
        }

        void claimPhone(PersonId personId, MobilePhone phone) {
            phoneHolders.put(phone, personId);
        }

        void releasePhone(MobilePhone phone) {
            phoneHolders.remove(phone);
        }

        void claimUsername(PersonId personId, Username username) {
            usernameHolders.put(username, personId);
        }

        @Override
        public Set<Kind> taken(String documentHash, String phoneHash, String usernameHash) {
            Set<Kind> taken = EnumSet.noneOf(Kind.class);
            documentHolder(documentHash).ifPresent(holder -> taken.add(Kind.DOCUMENT));
            phoneHolder(phoneHash).ifPresent(holder -> taken.add(Kind.PHONE));
            if (usernameHash != null) {
                usernameHolder(usernameHash).ifPresent(holder -> taken.add(Kind.USERNAME));
            }
            return taken;
        }

        @Override
        public Optional<PersonId> documentHolder(String documentHash) {
            return holder(documentHolders, documentHash);
        }

        @Override
        public Optional<PersonId> phoneHolder(String phoneHash) {
            return holder(phoneHolders, phoneHash);
        }

        @Override
        public Optional<PersonId> usernameHolder(String usernameHash) {
            return holder(usernameHolders, usernameHash);
        }

        private static <T> Optional<PersonId> holder(Map<T, PersonId> holders, String hash) {
            return holders.entrySet().stream().filter(entry -> hashOf(entry.getKey()).equals(hash))
                    .map(Map.Entry::getValue).findFirst();
        }
    }

    /** A stand-in for the keyed lookup hash: the aggregate only compares hashes. */
    static String hashOf(Object value) {
        if (value instanceof DocumentNumber document) {
            return "document:" + document.type() + ":" + document.value();
        }
        if (value instanceof MobilePhone phone) {
            return "phone:" + phone.value();
        }
        return "username:" + ((Username) value).value();
    }

    /** The value as the slice's service puts it into a command: sealed under the person's key, with its hash. */
    static SealedIdentifier sealed(InMemoryPersonalDataVault vault, PersonId personId, Object value) {
        String plain = value instanceof DocumentNumber document ? document.value()
                : value instanceof MobilePhone phone ? phone.value() : ((Username) value).value();
        return new SealedIdentifier(vault.sealerFor(personId).seal(plain), hashOf(value));
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
