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
}
