package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import java.time.Instant;

/**
 * ACC-2: only the legal representative and the finance manager add or remove tax staff, and they
 * do it in an enterprise session of that enterprise. The session's role must still be in force:
 * a token outlives a relationship ended a minute ago.
 */
public final class OnlyLegalRepresentativeOrFinanceManager {

    private OnlyLegalRepresentativeOrFinanceManager() {
    }

    public static void check(Actor actor, Uscc uscc, Relationships relationships, Instant now) {
        if (!allows(actor, uscc, relationships, now)) {
            throw AuthorizationReason.STAFF_MANAGED_BY_LR_OR_FM.refusal();
        }
    }

    /** The session claims only, for an early answer before anything else is revealed. */
    public static void checkSession(Actor actor, Uscc uscc) {
        if (!sessionAllows(actor, uscc)) {
            throw AuthorizationReason.STAFF_MANAGED_BY_LR_OR_FM.refusal();
        }
    }

    public static boolean allows(Actor actor, Uscc uscc, Relationships relationships, Instant now) {
        if (!sessionAllows(actor, uscc)) {
            return false;
        }
        ActingFor acting = actor.actingFor();
        return relationships.of(actor.personId(), now).stream()
                .anyMatch(r -> r.uscc().equals(uscc) && r.role() == acting.role());
    }

    private static boolean sessionAllows(Actor actor, Uscc uscc) {
        ActingFor acting = actor == null ? null : actor.actingFor();
        return acting != null && acting.enterprise().equals(uscc) && acting.role().managesStaff();
    }
}
