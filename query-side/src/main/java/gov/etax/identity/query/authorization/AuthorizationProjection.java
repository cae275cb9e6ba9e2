package gov.etax.identity.query.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.AuthorizationStatus;
import gov.etax.identity.kernel.authorization.FunctionSet;
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
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.enterprise.events.EnterpriseTaxInformationConfirmed;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.privacy.EncryptedText;
import gov.etax.identity.kernel.privacy.Masking;
import gov.etax.identity.query.infrastructure.persistence.ReadModelTables;
import gov.etax.identity.query.privacy.PersonalDataReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds the authorization views ({@link AuthorizationQueries} reads them): "pending authorizations"
 * and "authorized enterprises" of a person, and "existing tax staff" of an enterprise.
 *
 * <p>A legal representative or finance manager may be named before registering (ACC-3, ACC-4): the
 * event then has no person id, only the document encrypted under the authorization's key. This
 * projection also follows registrations and recognises such a holder by document: it compares the
 * decrypted numbers of the few candidates with the same type and masked number. Both sides of that
 * match are handled by this one processing group, which runs on a single segment so that the
 * events are handled one after another; two segments could each miss the other's uncommitted row.
 * A batch's rows are kept in memory and written when it commits ({@link AuthorizationWrites}).
 */
@Component
@ProcessingGroup(AuthorizationProjection.PROCESSING_GROUP)
public class AuthorizationProjection {

    public static final String PROCESSING_GROUP = "authorizations";
    private static final String HOLDER = "HOLDER";

    private final AuthorizationWrites writes;
    private final PersonalDataReader personalData;
    private final ReadModelTables tables;

    AuthorizationProjection(AuthorizationWrites writes, PersonalDataReader personalData, ReadModelTables tables) {
        this.writes = writes;
        this.tables = tables;
        this.personalData = personalData;
    }

    // ------------------------------------------------------------------ enterprises and persons

    @EventHandler
    void on(EnterpriseTaxInformationConfirmed event) {
        writes.enterpriseSeen(event.enterpriseId().value(), event.uscc().value(), event.name());
    }

    @EventHandler
    void on(NaturalPersonRegistered event) {
        personSeen(event.personId(), event.documentType(), event.documentNumber(), event.name());
    }

    /** A person imported from a province's data (REG-5) may just as well be a legal representative. */
    @EventHandler
    void on(NaturalPersonMigrated event) {
        personSeen(event.personId(), event.documentType(), event.documentNumber(), event.name());
    }

    private void personSeen(PersonId person, DocumentType documentType, EncryptedText documentNumber,
                            EncryptedText sealedName) {
        String personId = person.value();
        Optional<PersonalDataReader.Opener> opener = personalData.forSubject(personId);
        String document = opener.map(o -> o.open(documentNumber)).orElse(null);
        String name = opener.map(o -> o.open(sealedName)).orElse(null);
        if (document == null) {
            return; // forgotten person: nothing to match or show
        }
        writes.personSeen(new AuthorizationWrites.PersonRow(personId, documentType.name(), Masking.documentNumber(document),
                documentNumber.ciphertext(), name, document));
    }

    // ------------------------------------------------------------------ authorizations begin

    @EventHandler
    void on(LegalRepresentativeBound event, @Timestamp Instant at) {
        started(event.authorizationId(), event.enterpriseId(), event.uscc(), RelationshipRole.LEGAL_REPRESENTATIVE, null,
                Set.of(), null, AuthorizationStatus.ACTIVE, null, event.holderPersonId(), event.holderName(),
                event.holderDocumentType(), event.holderDocumentNumber(), null, null, at);
    }

    @EventHandler
    void on(FinanceManagerReported event, @Timestamp Instant at) {
        started(event.authorizationId(), event.enterpriseId(), event.uscc(), RelationshipRole.FINANCE_MANAGER, null,
                Set.of(), null, AuthorizationStatus.PENDING, HOLDER, event.holderPersonId(), event.holderName(),
                event.holderDocumentType(), event.holderDocumentNumber(), null, null, at);
    }

    @EventHandler
    void on(StaffNominated event, @Timestamp Instant at) {
        started(event.authorizationId(), event.enterpriseId(), event.uscc(), event.role(),
                event.taxOfficerIdentity() == null ? null : event.taxOfficerIdentity().name(), event.scopes(),
                event.validUntil(), AuthorizationStatus.PENDING, HOLDER, event.holderPersonId(), null,
                event.holderDocumentType(), event.holderDocumentNumber(), null, null, at);
    }

    @EventHandler
    void on(TaxAgencyRequested event, @Timestamp Instant at) {
        started(event.authorizationId(), event.clientEnterpriseId(), event.clientUscc(), RelationshipRole.TAX_AGENT, null,
                event.scopes(), event.validUntil(), AuthorizationStatus.PENDING, event.initiatedBy().other().name(),
                event.holderPersonId(), null, event.holderDocumentType(), event.holderDocumentNumber(),
                event.agencyEnterpriseId(), event.agencyUscc(), at);
    }

    /** A holder named by document is matched to a registered person when the batch commits ({@link AuthorizationWrites}). */
    private void started(AuthorizationId id, EnterpriseId enterpriseId, Uscc uscc, RelationshipRole role,
                         String taxOfficerIdentity, Set<FunctionSet> scopes, LocalDate validUntil,
                         AuthorizationStatus status, String awaiting, PersonId holder, EncryptedText holderName,
                         DocumentType documentType, EncryptedText documentNumber, EnterpriseId agencyId, Uscc agencyUscc,
                         Instant at) {
        String authorizationId = id.value();
        Optional<PersonalDataReader.Opener> opener = personalData.forSubject(authorizationId);
        String document = opener.map(o -> o.open(documentNumber)).orElse(null);
        String name = opener.map(o -> o.open(holderName)).orElse(null);
        Set<String> scopeNames = new TreeSet<>();
        scopes.forEach(set -> scopeNames.add(set.name()));
        boolean namedByDocument = holder == null && document != null;
        writes.started(new AuthorizationRow(authorizationId, enterpriseId.value(), uscc.value(), role.name(),
                taxOfficerIdentity, String.join(",", scopeNames), validUntil, status.name(), awaiting,
                holder == null ? null : holder.value(), name, documentType.name(),
                document == null ? "[erased]" : Masking.documentNumber(document),
                namedByDocument ? documentNumber.ciphertext() : null,
                agencyId == null ? null : agencyId.value(), agencyUscc == null ? null : agencyUscc.value(),
                null, null, at, at, namedByDocument ? document : null));
    }

    // ------------------------------------------------------------------ authorizations move on

    @EventHandler
    void on(AuthorizationConfirmed event, @Timestamp Instant at) {
        writes.changed(event.authorizationId().value(), row -> row.confirmed(event.confirmedBy().value(), at));
    }

    @EventHandler
    void on(AuthorizationRejected event, @Timestamp Instant at) {
        ended(event.authorizationId(), AuthorizationStatus.REJECTED, null, null, at);
    }

    @EventHandler
    void on(AuthorizationWithdrawn event, @Timestamp Instant at) {
        ended(event.authorizationId(), AuthorizationStatus.WITHDRAWN, null, null, at);
    }

    @EventHandler
    void on(RelationshipRevoked event, @Timestamp Instant at) {
        ended(event.authorizationId(), AuthorizationStatus.REVOKED, event.side().name(), event.reason().name(), at);
    }

    @EventHandler
    void on(AuthorizationExpired event, @Timestamp Instant at) {
        ended(event.authorizationId(), AuthorizationStatus.EXPIRED, null, null, at);
    }

    private void ended(AuthorizationId id, AuthorizationStatus status, String side, String reason, Instant at) {
        writes.changed(id.value(), row -> row.ended(status.name(), side, reason, at));
    }

    @ResetHandler
    void reset() {
        tables.empty("authorization_view", "authorization_enterprise", "authorization_person");
    }
}
