package gov.etax.identity.command.person.signin;

import gov.etax.identity.kernel.person.PersonId;

/**
 * PWD-5, read before a sign-in hashes: whether the person's account has a lock on record. Only
 * then is the person asked (CheckAccountLock), which refuses while the lock holds and records its
 * end once midnight has passed; every attempt is decided by the person afterwards all the same.
 */
public interface AccountLocks {

    /** A lock on record: in force, or past its midnight with the unlock not yet recorded. */
    boolean onRecord(PersonId person);
}
