package gov.etax.identity.command.authorization.agency;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.Relationships;
import gov.etax.identity.command.authorization.nominate.NomineeMustBeRegistered;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import java.time.Instant;

/**
 * ACC-1 for tax agent personnel: the agent is a registered person (ACC-1) who is in force as staff
 * of the agency, a relationship they consented to themself; so no agency makes someone its agent
 * personnel without that person's consent.
 */
public final class AgentMustWorkForAgency {

    private AgentMustWorkForAgency() {
    }

    /** @return the registered agent */
    public static PersonId check(SealedHolder agent, Uscc agency, Relationships relationships, Instant now) {
        PersonId person = NomineeMustBeRegistered.check(agent);
        boolean atAgency = relationships.of(person, now).stream()
                .anyMatch(r -> r.uscc().equals(agency) && r.role() != RelationshipRole.TAX_AGENT);
        if (!atAgency) {
            throw AuthorizationReason.AGENT_NOT_AT_AGENCY.refusal();
        }
        return person;
    }
}
