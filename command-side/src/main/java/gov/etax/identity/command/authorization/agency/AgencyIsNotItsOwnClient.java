package gov.etax.identity.command.authorization.agency;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.enterprise.Uscc;

/** A tax agent relationship joins two different enterprises: the client and its tax agency. */
public final class AgencyIsNotItsOwnClient {

    private AgencyIsNotItsOwnClient() {
    }

    public static void check(Uscc client, Uscc agency) {
        if (client.equals(agency)) {
            throw AuthorizationReason.AGENCY_IS_CLIENT.refusal();
        }
    }
}
