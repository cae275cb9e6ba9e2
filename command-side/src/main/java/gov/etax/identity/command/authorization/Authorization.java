package gov.etax.identity.command.authorization;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.authorization.agency.AgencyIsNotItsOwnClient;
import gov.etax.identity.command.authorization.agency.AgentMustWorkForAgency;
import gov.etax.identity.command.authorization.confirm.FaceRequiredUnlessSessionByFace;
import gov.etax.identity.command.authorization.nominate.NomineeMustBeRegistered;
import gov.etax.identity.command.authorization.nominate.ScopesOfRole;
import gov.etax.identity.command.authorization.nominate.ValidUntilAhead;
import gov.etax.identity.command.authorization.reject.FinanceManagerCannotReject;
import gov.etax.identity.command.authorization.revoke.WhoMayEnd;
import gov.etax.identity.command.authorization.withdraw.OnlyNominatingSideWithdraws;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AgencySide;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.AuthorizationStatus;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
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
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.authorization.events.TaxAgencyRequested;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import gov.etax.identity.kernel.enterprise.ReportedPerson;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One grant of a person–enterprise relationship ("5员", ACC-1): who holds it, in which role, with
 * which function sets and until when, and where it stands (PENDING, ACTIVE, REJECTED, WITHDRAWN,
 * REVOKED, EXPIRED). While ACTIVE it is recorded in {@link Relationships}, written in the same
 * transaction as the events.
 *
 * <p>The holder is named by identity document, encrypted in the events under this authorization's
 * own data key (subject = authorization id), because a legal representative or finance manager may
 * not have registered yet (ACC-3, ACC-4).
 */
@Aggregate
public class Authorization {

    @AggregateIdentifier
    private AuthorizationId authorizationId;
    private EnterpriseId enterpriseId;
    private Uscc uscc;
    private RelationshipRole role;
    private AuthorizationStatus status;
    private TaxOfficerIdentity taxOfficerIdentity;
    private Set<FunctionSet> scopes = Set.of();
    private LocalDate validUntil;
    private PersonId holderPersonId;
    private DocumentType holderDocumentType;
    private EncryptedText holderDocumentNumber;
    /** The enterprise whose legal representative or finance manager asked for it (withdrawal). */
    private Uscc nominatingEnterprise;
    /** Tax agent relationships: the agency, and the side whose confirmation is awaited. */
    private Uscc agencyUscc;
    private AgencySide awaitedSide;

    protected Authorization() {
        // for Axon's event sourcing
    }

    // ---------------------------------------------------------------- created by the Enterprise

    /** ACC-3: bound at once, in force whether or not the person has registered. Called through createNew. */
    public static Authorization bindLegalRepresentative(AuthorizationId id, EnterpriseId enterpriseId, Uscc uscc,
                                                        ReportedPerson person, LegalRepresentativeSource source,
                                                        String boundBy, Ports ports) {
        return new Authorization(id, enterpriseId, uscc, person, source, boundBy, ports);
    }

    /** ACC-4: the reported finance manager gets a pending authorization. Called through createNew. */
    public static Authorization reportFinanceManager(AuthorizationId id, EnterpriseId enterpriseId, Uscc uscc,
                                                     ReportedPerson person, String reportedBy, Ports ports) {
        return new Authorization(id, enterpriseId, uscc, person, reportedBy, ports);
    }

    /** The ports a creation from another aggregate needs; inside Authorization's own handlers Axon injects them. */
    public record Ports(Relationships relationships, AuthorizationClaims claims, PersonalDataVault vault,
                        PersonDirectory directory) {
    }

    private Authorization(AuthorizationId id, EnterpriseId enterpriseId, Uscc uscc, ReportedPerson person,
                          LegalRepresentativeSource source, String boundBy, Ports ports) {
        ports.claims().claim(id, uscc, RelationshipRole.LEGAL_REPRESENTATIVE, person.document(), null);
        ports.relationships().bind(new Relationships.ActiveRelationship(id, enterpriseId, uscc,
                RelationshipRole.LEGAL_REPRESENTATIVE, null, Set.of(), null), person.document());
        PersonalDataVault.Sealer sealer = ports.vault().sealerFor(id.value());
        apply(new LegalRepresentativeBound(id, enterpriseId, uscc,
                ports.directory().withDocument(person.document()).orElse(null),
                person.document().type(), sealer.seal(person.document().value()), sealer.seal(person.name().value()),
                source, boundBy));
    }

    private Authorization(AuthorizationId id, EnterpriseId enterpriseId, Uscc uscc, ReportedPerson person,
                          String reportedBy, Ports ports) {
        ports.claims().claim(id, uscc, RelationshipRole.FINANCE_MANAGER, person.document(), null);
        PersonalDataVault.Sealer sealer = ports.vault().sealerFor(id.value());
        apply(new FinanceManagerReported(id, enterpriseId, uscc,
                ports.directory().withDocument(person.document()).orElse(null),
                person.document().type(), sealer.seal(person.document().value()), sealer.seal(person.name().value()),
                reportedBy));
    }

    // ---------------------------------------------------------------- nominate (ACC-1, ACC-2, ACC-5)

    @CommandHandler
    public Authorization(AddTaxOfficer command, Relationships relationships, AuthorizationClaims claims,
                         PersonalDataVault vault, PersonDirectory directory, Clock clock) {
        Instant now = clock.instant();
        OnlyLegalRepresentativeOrFinanceManager.check(command.nominatedBy(), command.uscc(), relationships, now);
        PersonId nominee = NomineeMustBeRegistered.check(command.nominee(), directory);
        Set<FunctionSet> granted = ScopesOfRole.grantFor(RelationshipRole.TAX_OFFICER, command.scopes());
        ValidUntilAhead.check(command.validUntil(), now);
        TaxOfficerIdentity identity = command.taxOfficerIdentity() == null ? TaxOfficerIdentity.MAIN
                : command.taxOfficerIdentity();
        nominate(command.authorizationId(), command.enterpriseId(), command.uscc(), RelationshipRole.TAX_OFFICER,
                identity, granted, command.validUntil(), nominee, command.nominee(), command.nominatedBy(), claims, vault);
    }

    @CommandHandler
    public Authorization(AddInvoicingOfficer command, Relationships relationships, AuthorizationClaims claims,
                         PersonalDataVault vault, PersonDirectory directory, Clock clock) {
        Instant now = clock.instant();
        OnlyLegalRepresentativeOrFinanceManager.check(command.nominatedBy(), command.uscc(), relationships, now);
        PersonId nominee = NomineeMustBeRegistered.check(command.nominee(), directory);
        Set<FunctionSet> granted = ScopesOfRole.grantFor(RelationshipRole.INVOICING_OFFICER, command.scopes());
        ValidUntilAhead.check(command.validUntil(), now);
        nominate(command.authorizationId(), command.enterpriseId(), command.uscc(), RelationshipRole.INVOICING_OFFICER,
                null, granted, command.validUntil(), nominee, command.nominee(), command.nominatedBy(), claims, vault);
    }

    private static void nominate(AuthorizationId id, EnterpriseId enterpriseId, Uscc uscc, RelationshipRole role,
                                 TaxOfficerIdentity identity, Set<FunctionSet> scopes, LocalDate validUntil,
                                 PersonId nominee, DocumentNumber document, Actor nominatedBy,
                                 AuthorizationClaims claims, PersonalDataVault vault) {
        claims.claim(id, uscc, role, document, Validity.endOf(validUntil));
        apply(new StaffNominated(id, enterpriseId, uscc, role, identity, scopes, validUntil, nominee,
                document.type(), vault.sealerFor(id.value()).seal(document.value()),
                nominatedBy.personId(), nominatedBy.actingFor().role()));
    }

    // ---------------------------------------------------------------- tax agents

    @CommandHandler
    public Authorization(RequestTaxAgency command, Relationships relationships, AuthorizationClaims claims,
                         PersonalDataVault vault, PersonDirectory directory, Clock clock) {
        Instant now = clock.instant();
        AgencyIsNotItsOwnClient.check(command.clientUscc(), command.agencyUscc());
        Uscc initiator = command.initiatedBy() == AgencySide.CLIENT ? command.clientUscc() : command.agencyUscc();
        OnlyLegalRepresentativeOrFinanceManager.check(command.requestedBy(), initiator, relationships, now);
        PersonId agent = AgentMustWorkForAgency.check(command.agent(), command.agencyUscc(), directory, relationships, now);
        Set<FunctionSet> granted = ScopesOfRole.grantFor(RelationshipRole.TAX_AGENT, command.scopes());
        ValidUntilAhead.check(command.validUntil(), now);
        AuthorizationId id = command.authorizationId();
        claims.claim(id, command.clientUscc(), RelationshipRole.TAX_AGENT, command.agent(),
                Validity.endOf(command.validUntil()));
        apply(new TaxAgencyRequested(id, command.clientEnterpriseId(), command.clientUscc(),
                command.agencyEnterpriseId(), command.agencyUscc(), granted, command.validUntil(), agent,
                command.agent().type(), vault.sealerFor(id.value()).seal(command.agent().value()),
                command.initiatedBy(), command.requestedBy().personId(), command.requestedBy().actingFor().role()));
    }

    // ---------------------------------------------------------------- confirm and reject (ACC-1, ACC-4, ACC-5)

    /**
     * Only the awaited party answers: the holder, or for a tax agent relationship the other
     * enterprise. Anyone else is refused, and the attempt is recorded (the only trace of it).
     */
    @CommandHandler
    public Outcome handle(ConfirmAuthorization command, Relationships relationships, AuthorizationClaims claims,
                          PersonalDataVault vault, PersonDirectory directory, Clock clock) {
        Instant now = clock.instant();
        AuthorizationReason notAwaited = refusalIfNotAwaited(command.confirmedBy(), relationships, directory, vault, now);
        if (notAwaited != null) {
            apply(new AuthorizationConfirmationRefused(authorizationId, command.confirmedBy().personId(),
                    Attempt.CONFIRMATION));
            return Outcome.refused(notAwaited);
        }
        requirePending();
        if (Validity.isOver(validUntil, now)) {
            expire(claims, relationships);
            return Outcome.refused(AuthorizationReason.AUTHORIZATION_EXPIRED);
        }
        Confirmation confirmation;
        Uscc confirmedFor = null;
        if (role == RelationshipRole.TAX_AGENT) {
            confirmation = Confirmation.ENTERPRISE_SESSION;
            confirmedFor = command.confirmedBy().actingFor().enterprise();
        } else {
            confirmation = FaceRequiredUnlessSessionByFace.check(command.sessionVerifiedByFace(),
                    command.faceVerificationId());
        }
        relationships.bind(new Relationships.ActiveRelationship(authorizationId, enterpriseId, uscc, role,
                        taxOfficerIdentity == null ? null : taxOfficerIdentity.name(), scopeNames(),
                        Validity.endOf(validUntil)),
                holderDocument(vault));
        apply(new AuthorizationConfirmed(authorizationId, command.confirmedBy().personId(), confirmedFor,
                confirmation, confirmation == Confirmation.FACE_SCAN ? command.faceVerificationId() : null));
        return Outcome.done();
    }

    @CommandHandler
    public Outcome handle(RejectAuthorization command, Relationships relationships, AuthorizationClaims claims,
                          PersonalDataVault vault, PersonDirectory directory, Clock clock) {
        Instant now = clock.instant();
        AuthorizationReason notAwaited = refusalIfNotAwaited(command.rejectedBy(), relationships, directory, vault, now);
        if (notAwaited != null) {
            apply(new AuthorizationConfirmationRefused(authorizationId, command.rejectedBy().personId(), Attempt.REJECTION));
            return Outcome.refused(notAwaited);
        }
        requirePending();
        FinanceManagerCannotReject.check(role);
        claims.release(authorizationId);
        apply(new AuthorizationRejected(authorizationId, command.rejectedBy().personId(),
                role == RelationshipRole.TAX_AGENT ? command.rejectedBy().actingFor().enterprise() : null));
        return Outcome.done();
    }

    private AuthorizationReason refusalIfNotAwaited(Actor actor, Relationships relationships, PersonDirectory directory,
                                                    PersonalDataVault vault, Instant now) {
        if (role == RelationshipRole.TAX_AGENT) {
            Uscc awaited = awaitedSide == AgencySide.CLIENT ? uscc : agencyUscc;
            return OnlyLegalRepresentativeOrFinanceManager.allows(actor, awaited, relationships, now)
                    ? null : AuthorizationReason.NOT_THE_OTHER_SIDE;
        }
        return OnlyTheNomineeAnswers.isHolder(actor.personId(), holderPersonId, () -> holderDocument(vault), directory)
                ? null : AuthorizationReason.NOT_THE_NOMINEE;
    }

    // ---------------------------------------------------------------- withdraw

    @CommandHandler
    public void handle(WithdrawAuthorization command, Relationships relationships, AuthorizationClaims claims,
                       Clock clock) {
        OnlyNominatingSideWithdraws.check(role, nominatingEnterprise, command.withdrawnBy(), relationships, clock.instant());
        requirePending();
        claims.release(authorizationId);
        apply(new AuthorizationWithdrawn(authorizationId, command.withdrawnBy().personId(),
                command.withdrawnBy().actingFor().enterprise()));
    }

    // ---------------------------------------------------------------- end (ACC-6, ACC-7, ACC-1)

    @CommandHandler
    public Outcome handle(RevokeRelationship command, Relationships relationships, AuthorizationClaims claims,
                          PersonalDataVault vault, PersonDirectory directory, Clock clock) {
        Instant now = clock.instant();
        EndingSide side = WhoMayEnd.check(command.side(), command.person(), command.staffId(), command.reason(), role,
                uscc, agencyUscc,
                () -> OnlyTheNomineeAnswers.isHolder(command.person().personId(), holderPersonId,
                        () -> holderDocument(vault), directory),
                relationships, now);
        if (status != AuthorizationStatus.ACTIVE) {
            throw AuthorizationReason.AUTHORIZATION_NOT_ACTIVE.refusal();
        }
        if (Validity.isOver(validUntil, now)) {
            expire(claims, relationships);
            return Outcome.refused(AuthorizationReason.AUTHORIZATION_EXPIRED);
        }
        relationships.unbind(authorizationId);
        claims.release(authorizationId);
        boolean byPerson = side != EndingSide.TAX_AUTHORITY;
        apply(new RelationshipRevoked(authorizationId, side,
                byPerson ? command.person().personId().value() : command.staffId(),
                side == EndingSide.ENTERPRISE || side == EndingSide.AGENCY
                        ? command.person().actingFor().enterprise() : null,
                command.reason()));
        return Outcome.done();
    }

    /** ACC-1: the enterprise's data name a new legal representative; sent by the Enterprise in its unit of work. */
    @CommandHandler
    public void handle(EndLegalRepresentation command, Relationships relationships, AuthorizationClaims claims) {
        if (role != RelationshipRole.LEGAL_REPRESENTATIVE || status != AuthorizationStatus.ACTIVE) {
            throw AuthorizationReason.AUTHORIZATION_NOT_ACTIVE.refusal();
        }
        relationships.unbind(authorizationId);
        claims.release(authorizationId);
        apply(new RelationshipRevoked(authorizationId, EndingSide.TAX_AUTHORITY, command.changedBy(), null,
                EndReason.LEGAL_REPRESENTATIVE_CHANGED));
    }

    /**
     * ACC-4: the enterprise reported a new finance manager; sent by the Enterprise in its unit of
     * work. A pending authorization ends as well as one in force: the report it came from is no
     * longer the enterprise's. One already over stays as it is.
     *
     * @return whether this authorization ended now
     */
    @CommandHandler
    public boolean handle(EndFinanceManagerReport command, Relationships relationships, AuthorizationClaims claims) {
        if (role != RelationshipRole.FINANCE_MANAGER) {
            throw AuthorizationReason.AUTHORIZATION_NOT_ACTIVE.refusal();
        }
        if (status != AuthorizationStatus.ACTIVE && status != AuthorizationStatus.PENDING) {
            return false;
        }
        if (status == AuthorizationStatus.ACTIVE) {
            relationships.unbind(authorizationId);
        }
        claims.release(authorizationId);
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
    void validityEnded(DeadlineMessage<?> end, Relationships relationships, AuthorizationClaims claims) {
        if (!status.isOver()) {
            expire(claims, relationships);
        }
    }

    /** The relationship stopped working at its end of validity; record it now that it is observed. */
    private void expire(AuthorizationClaims claims, Relationships relationships) {
        if (status == AuthorizationStatus.ACTIVE) {
            relationships.unbind(authorizationId);
        }
        claims.release(authorizationId);
        apply(new AuthorizationExpired(authorizationId, validUntil, Validity.endOf(validUntil)));
    }

    // ---------------------------------------------------------------- helpers

    private void requirePending() {
        if (status != AuthorizationStatus.PENDING) {
            throw AuthorizationReason.AUTHORIZATION_NOT_PENDING.refusal();
        }
    }

    private DocumentNumber holderDocument(PersonalDataVault vault) {
        String number = vault.openerFor(authorizationId.value())
                .orElseThrow(() -> new IllegalStateException("the data key of " + authorizationId + " was deleted"))
                .open(holderDocumentNumber);
        return new DocumentNumber(holderDocumentType, number);
    }

    private Set<String> scopeNames() {
        Set<String> names = new TreeSet<>();
        scopes.forEach(set -> names.add(set.name()));
        return names;
    }

    // ---------------------------------------------------------------- event sourcing

    @EventSourcingHandler
    void on(LegalRepresentativeBound event) {
        started(event.authorizationId(), event.enterpriseId(), event.uscc(), RelationshipRole.LEGAL_REPRESENTATIVE,
                AuthorizationStatus.ACTIVE, event.holderPersonId(), event.holderDocumentType(), event.holderDocumentNumber());
    }

    @EventSourcingHandler
    void on(FinanceManagerReported event) {
        started(event.authorizationId(), event.enterpriseId(), event.uscc(), RelationshipRole.FINANCE_MANAGER,
                AuthorizationStatus.PENDING, event.holderPersonId(), event.holderDocumentType(), event.holderDocumentNumber());
    }

    @EventSourcingHandler
    void on(StaffNominated event) {
        started(event.authorizationId(), event.enterpriseId(), event.uscc(), event.role(), AuthorizationStatus.PENDING,
                event.holderPersonId(), event.holderDocumentType(), event.holderDocumentNumber());
        this.taxOfficerIdentity = event.taxOfficerIdentity();
        this.scopes = Set.copyOf(event.scopes());
        this.validUntil = event.validUntil();
        this.nominatingEnterprise = event.uscc();
    }

    @EventSourcingHandler
    void on(TaxAgencyRequested event) {
        started(event.authorizationId(), event.clientEnterpriseId(), event.clientUscc(), RelationshipRole.TAX_AGENT,
                AuthorizationStatus.PENDING, event.holderPersonId(), event.holderDocumentType(),
                event.holderDocumentNumber());
        this.scopes = Set.copyOf(event.scopes());
        this.validUntil = event.validUntil();
        this.agencyUscc = event.agencyUscc();
        this.awaitedSide = event.initiatedBy().other();
        this.nominatingEnterprise = event.initiatedBy() == AgencySide.CLIENT ? event.clientUscc() : event.agencyUscc();
    }

    private void started(AuthorizationId id, EnterpriseId enterprise, Uscc code, RelationshipRole grantedRole,
                         AuthorizationStatus initial, PersonId holder, DocumentType documentType, EncryptedText document) {
        this.authorizationId = id;
        this.enterpriseId = enterprise;
        this.uscc = code;
        this.role = grantedRole;
        this.status = initial;
        this.holderPersonId = holder;
        this.holderDocumentType = documentType;
        this.holderDocumentNumber = document;
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
