package gov.etax.identity.command.person;

import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.refusal.Refusal;

/**
 * The set-based rules: one document (REG-2), one phone (LOGIN-2) and one username (LOGIN-7)
 * belong to at most one person, across every command-side node.
 */
public interface IdentityClaims {

    /**
     * Claims the values for the person inside the current transaction.
     *
     * @throws Refusal DOCUMENT_ALREADY_REGISTERED, PHONE_ALREADY_BOUND or USERNAME_TAKEN
     */
    void claim(PersonId personId, DocumentNumber document, MobilePhone phone, Username username);

    /** A cheap early answer; the claim itself stays the guard under concurrency. */
    void refuseIfTaken(DocumentNumber document, MobilePhone phone, Username username);

    /**
     * Claims the document alone, inside the current transaction (a migrated person, REG-5).
     *
     * @throws Refusal DOCUMENT_ALREADY_REGISTERED
     */
    void claimDocument(PersonId personId, DocumentNumber document);

    /**
     * Binds the phone to the person inside the current transaction if nobody holds it (LOGIN-2);
     * answers false, and leaves the transaction usable, when somebody does.
     */
    boolean claimPhoneIfFree(PersonId personId, MobilePhone phone);

    /**
     * Claims one more phone for the person inside the current transaction (LOGIN-2). A concurrent
     * claim of the same phone on any node waits for this transaction and then sees it taken.
     *
     * @return false when the person already holds the phone (nothing changed)
     * @throws Refusal PHONE_ALREADY_BOUND when another person holds it
     */
    boolean claimPhone(PersonId personId, MobilePhone phone);

    /**
     * Releases the person's claim on the phone inside the current transaction.
     *
     * @return false when the person does not hold the phone (nothing changed)
     */
    boolean releasePhone(PersonId personId, MobilePhone phone);

    /**
     * Claims the username for the person inside the current transaction (LOGIN-7).
     *
     * @return false when the person already holds exactly this username (nothing changed)
     * @throws Refusal USERNAME_TAKEN when another person holds it
     */
    boolean claimUsername(PersonId personId, Username username);

    /** Releases every username the person holds except {@code kept}: the previous one after a change. */
    void releaseUsernamesOtherThan(PersonId personId, Username kept);
}
