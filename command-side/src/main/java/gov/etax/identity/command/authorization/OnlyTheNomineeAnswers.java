package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.person.PersonId;

/**
 * ACC-1: nobody becomes staff without consenting, and nobody consents for another. Only the
 * holder named in the authorization confirms or rejects it (and ends it from their own side,
 * ACC-7). A holder not registered when named (a reported finance manager) is recognised by the
 * document they registered with since, compared by lookup hash.
 */
public final class OnlyTheNomineeAnswers {

    private OnlyTheNomineeAnswers() {
    }

    public static boolean isHolder(PersonId caller, AuthorizationId authorization, PersonId holderPersonId,
                                   AuthorizationFacts facts) {
        if (holderPersonId != null) {
            return holderPersonId.equals(caller);
        }
        return caller != null && facts.isRegisteredHolder(authorization, caller);
    }
}
