package gov.etax.identity.command.authorization;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.authorization.agency.TaxAgencyRules;
import gov.etax.identity.command.authorization.confirm.FaceRequiredUnlessSessionByFace;
import gov.etax.identity.command.authorization.nominate.StaffNominationRules;
import gov.etax.identity.command.authorization.reject.FinanceManagerCannotReject;
import gov.etax.identity.command.authorization.revoke.WhoMayEnd;
import gov.etax.identity.command.authorization.withdraw.OnlyNominatingSideWithdraws;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AgencySide;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.AuthorizationStatus;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.authorization.commands.AddInvoicingOfficer;
import gov.etax.identity.kernel.authorization.commands.AddTaxOfficer;
import gov.etax.identity.kernel.authorization.commands.ConfirmAuthorization;
import gov.etax.identity.kernel.authorization.commands.EndFinanceManagerReport;
import gov.etax.identity.kernel.authorization.commands.EndLegalRepresentation;
import gov.etax.identity.kernel.authorization.commands.RejectAuthorization;
import gov.etax.identity.kernel.authorization.commands.RequestTaxAgency;
import gov.etax.identity.kernel.authorization.commands.RevokeRelationship;
import gov.etax.identity.kernel.authorization.commands.WithdrawAuthorization;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmationRefused;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmationRefused.Attempt;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.AuthorizationExpired;
import gov.etax.identity.kernel.authorization.events.AuthorizationRejected;
import gov.etax.identity.kernel.authorization.events.AuthorizationWithdrawn;
import gov.etax.identity.kernel.authorization.events.FinanceManagerReported;
import gov.etax.identity.kernel.authorization.events.LegalRepresentativeBound;
import gov.etax.identity.kernel.authorization.events.RelationshipRevoked;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One grant of a person–enterprise relationship ("5员", ACC-1): who holds it, in which role and
 * until when, and where it stands (PENDING, ACTIVE, REJECTED, WITHDRAWN, REVOKED, EXPIRED). It
 * decides and applies; the look-up tables (pending and active authorizations, relationships in
 * force) follow its events in the same transaction ({@link JdbcAuthorizationLookUps}).
 *
 * <p>The holder is named by identity document, sealed before the command under this
 * authorization's own data key (subject = authorization id), because a legal representative or
 * finance manager may not have registered yet (ACC-3, ACC-4).
 */
@Aggregate
public class Authorization extends AuthorizationHistory {

    protected Authorization() {
        // for Axon's event sourcing
    }

    private Authorization(Object firstEvent) {
        apply(firstEvent);
    }

    // ---------------------------------------------------------------- created by the Enterprise

    /** ACC-3: bound at once, in force whether or not the person has registered. Called through createNew. */
    public static Authorization bindLegalRepresentative(AuthorizationId id, EnterpriseId enterpriseId, Uscc uscc,
                                                        SealedHolder person, LegalRepresentativeSource source,
                                                        String boundBy) {
        return new Authorization(new LegalRepresentativeBound(id, enterpriseId, uscc, person.registeredAs(),
                person.documentType(), person.documentNumber(), person.name(), source, boundBy));
    }

    /** ACC-4: the reported finance manager gets a pending authorization. Called through createNew. */
    public static Authorization reportFinanceManager(AuthorizationId id, EnterpriseId enterpriseId, Uscc uscc,
                                                     SealedHolder person, String reportedBy) {
        return new Authorization(new FinanceManagerReported(id, enterpriseId, uscc, person.registeredAs(),
                person.documentType(), person.documentNumber(), person.name(), reportedBy));
    }

    // ---------------------------------------------------------------- nominate, tax agents (ACC-1, ACC-2, ACC-5)

    @CommandHandler
    public Authorization(AddTaxOfficer command, AuthorizationFacts facts, Clock clock) {
        this(StaffNominationRules.decide(command, facts, clock.instant()));
    }

    @CommandHandler
    public Authorization(AddInvoicingOfficer command, AuthorizationFacts facts, Clock clock) {
        this(StaffNominationRules.decide(command, facts, clock.instant()));
    }

    @CommandHandler
    public Authorization(RequestTaxAgency command, AuthorizationFacts facts, Clock clock) {
        this(TaxAgencyRules.decide(command, facts, clock.instant()));
    }

    // ---------------------------------------------------------------- confirm and reject (ACC-1, ACC-4, ACC-5)

    /**
     * Only the awaited party answers: the holder, or for a tax agent relationship the other
     * enterprise. Anyone else is refused, and the attempt is recorded (the only trace of it).
     */
    @CommandHandler
    public void handle(ConfirmAuthorization command, AuthorizationFacts facts, Clock clock) {
        Instant now = clock.instant();
        refuseIfNotAwaited(command.confirmedBy(), Attempt.CONFIRMATION, facts, now);
        requirePending();
        expireIfOver(now);
        boolean agency = role == RelationshipRole.TAX_AGENT;
        Confirmation confirmation = agency ? Confirmation.ENTERPRISE_SESSION
                : FaceRequiredUnlessSessionByFace.check(command.sessionVerifiedByFace(), command.faceVerificationId());
        apply(new AuthorizationConfirmed(authorizationId, command.confirmedBy().personId(),
                agency ? command.confirmedBy().actingFor().enterprise() : null, confirmation,
                confirmation == Confirmation.FACE_SCAN ? command.faceVerificationId() : null));
    }

    @CommandHandler
    public void handle(RejectAuthorization command, AuthorizationFacts facts, Clock clock) {
        refuseIfNotAwaited(command.rejectedBy(), Attempt.REJECTION, facts, clock.instant());
        requirePending();
        FinanceManagerCannotReject.check(role);
        apply(new AuthorizationRejected(authorizationId, command.rejectedBy().personId(),
                role == RelationshipRole.TAX_AGENT ? command.rejectedBy().actingFor().enterprise() : null));
    }

    private void refuseIfNotAwaited(Actor actor, Attempt attempt, AuthorizationFacts facts, Instant now) {
        AuthorizationReason notAwaited;
        if (role == RelationshipRole.TAX_AGENT) {
            Uscc awaited = awaitedSide == AgencySide.CLIENT ? uscc : agencyUscc;
            notAwaited = OnlyLegalRepresentativeOrFinanceManager.allows(actor, awaited, facts, now)
                    ? null : AuthorizationReason.NOT_THE_OTHER_SIDE;
        } else {
            notAwaited = OnlyTheNomineeAnswers.isHolder(actor.personId(), authorizationId, holderPersonId, facts)
                    ? null : AuthorizationReason.NOT_THE_NOMINEE;
        }
        if (notAwaited != null) {
            apply(new AuthorizationConfirmationRefused(authorizationId, actor.personId(), attempt));
            throw notAwaited.refusal().recorded();
        }
    }

    // ---------------------------------------------------------------- withdraw

    @CommandHandler
    public void handle(WithdrawAuthorization command, AuthorizationFacts facts, Clock clock) {
        OnlyNominatingSideWithdraws.check(role, nominatingEnterprise, command.withdrawnBy(), facts, clock.instant());
        requirePending();
        apply(new AuthorizationWithdrawn(authorizationId, command.withdrawnBy().personId(),
                command.withdrawnBy().actingFor().enterprise()));
    }

    // ---------------------------------------------------------------- end (ACC-6, ACC-7, ACC-1)

    @CommandHandler
    public void handle(RevokeRelationship command, AuthorizationFacts facts, Clock clock) {
        Instant now = clock.instant();
        EndingSide side = WhoMayEnd.check(command.side(), command.person(), command.staffId(), command.reason(), role,
                uscc, agencyUscc, () -> OnlyTheNomineeAnswers.isHolder(command.person().personId(), authorizationId,
                        holderPersonId, facts), facts, now);
        if (status != AuthorizationStatus.ACTIVE) {
            throw AuthorizationReason.AUTHORIZATION_NOT_ACTIVE.refusal();
        }
        expireIfOver(now);
        boolean byPerson = side != EndingSide.TAX_AUTHORITY;
        apply(new RelationshipRevoked(authorizationId, side,
                byPerson ? command.person().personId().value() : command.staffId(),
                side == EndingSide.ENTERPRISE || side == EndingSide.AGENCY
                        ? command.person().actingFor().enterprise() : null,
                command.reason()));
    }

    /** ACC-1: the enterprise's data name a new legal representative; sent in the enterprise's unit of work. */
    @CommandHandler
    public void handle(EndLegalRepresentation command) {
        if (role != RelationshipRole.LEGAL_REPRESENTATIVE || status != AuthorizationStatus.ACTIVE) {
            throw AuthorizationReason.AUTHORIZATION_NOT_ACTIVE.refusal();
        }
        apply(new RelationshipRevoked(authorizationId, EndingSide.TAX_AUTHORITY, command.changedBy(), null,
                EndReason.LEGAL_REPRESENTATIVE_CHANGED));
    }

    /**
     * ACC-4: the enterprise reported a new finance manager; sent in the enterprise's unit of work. A
     * pending authorization ends as well as one in force: the report it came from is no longer the
     * enterprise's. One already over stays as it is.
     *
     * @return whether this authorization ended now
     */
    @CommandHandler
    public boolean handle(EndFinanceManagerReport command) {
        if (role != RelationshipRole.FINANCE_MANAGER) {
            throw AuthorizationReason.AUTHORIZATION_NOT_ACTIVE.refusal();
        }
        if (status != AuthorizationStatus.ACTIVE && status != AuthorizationStatus.PENDING) {
            return false;
        }
        apply(new RelationshipRevoked(authorizationId, EndingSide.TAX_AUTHORITY, command.reportedBy(), null,
                EndReason.REPLACED_BY_NEW_REPORT));
        return true;
    }

    // ---------------------------------------------------------------- expire

    /**
     * Its end of validity has come (scheduled in expire/ValidityEndDeadlines, run once across nodes;
     * the deadline carries no payload). One that ended otherwise, or whose expiry a confirmation or
     * removal already recorded, stays as it is.
     */
    @DeadlineHandler(deadlineName = Validity.END_DEADLINE)
    void validityEnded(DeadlineMessage<?> end) {
        if (!status.isOver()) {
            apply(new AuthorizationExpired(authorizationId, validUntil, Validity.endOf(validUntil)));
        }
    }

    /** The relationship stopped working at its end of validity: record it now that it is observed, then refuse. */
    private void expireIfOver(Instant now) {
        if (Validity.isOver(validUntil, now)) {
            apply(new AuthorizationExpired(authorizationId, validUntil, Validity.endOf(validUntil)));
            throw AuthorizationReason.AUTHORIZATION_EXPIRED.refusal().recorded();
        }
    }

    private void requirePending() {
        if (status != AuthorizationStatus.PENDING) {
            throw AuthorizationReason.AUTHORIZATION_NOT_PENDING.refusal();
        }
    }
}
