package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;

/**
 * ACC-8, ACC-9: the person switched role or enterprise; session {@code from} ended and
 * {@code to} began (same login, same expiry).
 */
public record SessionSwitched(PersonId personId, SessionId from, SessionId to, LoginEntry entry, ActingFor actingFor) {
}
