package gov.etax.identity.command.person;

import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import java.util.List;
import java.util.Optional;

/**
 * Password hashes, kept outside the event store: an immutable log must never hold a secret.
 *
 * <p>A person has one credential in use, which every login checks ({@link #find}). A migrated
 * person also has one credential per province account (PWD-6); the one in use is then a copy of
 * one of them, kept equal to it by {@link #replace}.
 */
public interface CredentialStore {

    void store(PersonId personId, PasswordHash hash);

    /** The credential in use: the national unified one for a person with several province accounts. */
    Optional<StoredCredential> find(PersonId personId);

    /**
     * A new password for the credential in use (PWD-3, PWD-4), and for the province account it
     * belongs to, if any; it is no longer an initial password.
     */
    void replace(PersonId personId, PasswordHash hash);

    /**
     * The same password hashed again with stronger parameters: replaces the credential in use (and
     * the province account's copy of it) only while it is still {@code current}, so a password
     * changed meanwhile is never overwritten. Changes neither must-change nor the change date.
     */
    boolean upgrade(PersonId personId, PasswordHash current, PasswordHash stronger);

    /** A province account's credential (PWD-2, PWD-6). The person's first becomes the one in use. */
    void storeProvince(PersonId personId, ProvinceCode province, PasswordHash hash, boolean mustChange);

    /** PWD-6: the province account's credential becomes the one in use. */
    void useProvince(PersonId personId, ProvinceCode province);

    /** The person's province accounts, in the order they were added. */
    List<ProvinceCredential> provinceAccounts(PersonId personId);

    /** @param mustChange the password is still an initial one the person has to replace (PWD-2) */
    record StoredCredential(PasswordHash hash, boolean mustChange) {

        /**
         * A typed password in the form this credential was made from: an initial password is the
         * end of a document number (PWD-2), so it is read the way document numbers are typed
         * ("…x" for "…X", full-width digits); any other password is compared exactly.
         */
        public String asTyped(String password) {
            return mustChange && password != null ? DocumentNumber.normalised(password) : password;
        }
    }

    /** @param inUse these are the credentials every login checks (the national unified ones) */
    record ProvinceCredential(ProvinceCode province, boolean mustChange, boolean inUse) {
    }
}
