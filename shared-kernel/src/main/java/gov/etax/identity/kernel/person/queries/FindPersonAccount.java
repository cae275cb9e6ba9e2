package gov.etax.identity.kernel.person.queries;

import gov.etax.identity.kernel.person.PersonId;

/** The account-center view of one person. Answered with an optional {@link PersonAccountView}. */
public record FindPersonAccount(PersonId personId) {
}
