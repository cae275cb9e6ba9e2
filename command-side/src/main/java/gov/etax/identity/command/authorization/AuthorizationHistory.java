package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.AgencySide;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.AuthorizationStatus;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.AuthorizationExpired;
import gov.etax.identity.kernel.authorization.events.AuthorizationRejected;
import gov.etax.identity.kernel.authorization.events.AuthorizationWithdrawn;
import gov.etax.identity.kernel.authorization.events.FinanceManagerReported;
import gov.etax.identity.kernel.authorization.events.LegalRepresentativeBound;
import gov.etax.identity.kernel.authorization.events.RelationshipRevoked;
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.authorization.events.TaxAgencyRequested;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import java.time.LocalDate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** What an {@link Authorization} decides on, rebuilt from its events: the evolving half of the aggregate. */
abstract class AuthorizationHistory {

    @AggregateIdentifier
    protected AuthorizationId authorizationId;
    protected Uscc uscc;
    protected RelationshipRole role;
    protected AuthorizationStatus status;
    protected LocalDate validUntil;
    protected PersonId holderPersonId;
    /** The enterprise whose legal representative or finance manager asked for it (withdrawal). */
    protected Uscc nominatingEnterprise;
    /** Tax agent relationships: the agency, and the side whose confirmation is awaited. */
    protected Uscc agencyUscc;
    protected AgencySide awaitedSide;

    @EventSourcingHandler
    void on(LegalRepresentativeBound event) {
        started(event.authorizationId(), event.uscc(), RelationshipRole.LEGAL_REPRESENTATIVE,
                AuthorizationStatus.ACTIVE, event.holderPersonId());
    }

    @EventSourcingHandler
    void on(FinanceManagerReported event) {
        started(event.authorizationId(), event.uscc(), RelationshipRole.FINANCE_MANAGER, AuthorizationStatus.PENDING,
                event.holderPersonId());
    }

    @EventSourcingHandler
    void on(StaffNominated event) {
        started(event.authorizationId(), event.uscc(), event.role(), AuthorizationStatus.PENDING, event.holderPersonId());
        this.validUntil = event.validUntil();
        this.nominatingEnterprise = event.uscc();
    }

    @EventSourcingHandler
    void on(TaxAgencyRequested event) {
        started(event.authorizationId(), event.clientUscc(), RelationshipRole.TAX_AGENT, AuthorizationStatus.PENDING,
                event.holderPersonId());
        this.validUntil = event.validUntil();
        this.agencyUscc = event.agencyUscc();
        this.awaitedSide = event.initiatedBy().other();
        this.nominatingEnterprise = event.initiatedBy() == AgencySide.CLIENT ? event.clientUscc() : event.agencyUscc();
    }

    private void started(AuthorizationId id, Uscc code, RelationshipRole grantedRole, AuthorizationStatus initial,
                         PersonId holder) {
        this.authorizationId = id;
        this.uscc = code;
        this.role = grantedRole;
        this.status = initial;
        this.holderPersonId = holder;
    }

    @EventSourcingHandler
    void on(AuthorizationConfirmed event) {
        this.status = AuthorizationStatus.ACTIVE;
        if (role != RelationshipRole.TAX_AGENT) {
            this.holderPersonId = event.confirmedBy();
        }
    }

    @EventSourcingHandler
    void on(AuthorizationRejected event) {
        this.status = AuthorizationStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(AuthorizationWithdrawn event) {
        this.status = AuthorizationStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(RelationshipRevoked event) {
        this.status = AuthorizationStatus.REVOKED;
    }

    @EventSourcingHandler
    void on(AuthorizationExpired event) {
        this.status = AuthorizationStatus.EXPIRED;
    }
}
