package gov.etax.identity.command.infrastructure.security;

import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.person.ActingFor;

/** The session's person as the actor of an authorization command: who, and for which enterprise in which role. */
public final class CurrentActors {

    private CurrentActors() {
    }

    public static Actor of(CurrentPerson person) {
        boolean enterpriseSession = person.enterprise() != null && person.enterpriseRole() != null;
        return new Actor(person.personId(),
                enterpriseSession ? new ActingFor(person.enterprise(), person.enterpriseRole()) : null);
    }
}
