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
import gov.etax.identity.query.infrastructure.persistence.Upserts;
import gov.etax.identity.query.privacy.PersonalDataReader;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
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
 */
@Component
@ProcessingGroup(AuthorizationProjection.PROCESSING_GROUP)
public class AuthorizationProjection {

    public static final String PROCESSING_GROUP = "authorizations";
    private static final String HOLDER = "HOLDER";

    private final JdbcTemplate jdbc;
    private final PersonalDataReader personalData;
    private final String enterpriseSeen;
    private final String personSeen;
    /** The event starts the authorization: a row already there (a replay, a stolen claim) is overwritten whole. */
    private final String authorizationStarted;

    private final ReadModelTables tables;

    public AuthorizationProjection(JdbcTemplate jdbc, PersonalDataReader personalData, Upserts upserts,
                                   ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.personalData = personalData;
        this.enterpriseSeen = upserts.overwrite("authorization_enterprise", "enterprise_id", "enterprise_id, uscc, name");
        this.personSeen = upserts.overwrite("authorization_person", "person_id",
                "person_id, document_type, document_masked, document_sealed, name");
        this.authorizationStarted = upserts.overwrite("authorization_view", "authorization_id",
                "authorization_id, enterprise_id, uscc, role, tax_officer_identity, scopes, valid_until, status, awaiting, "
                        + "holder_person_id, holder_name, holder_document_type, holder_document_masked, "
                        + "holder_document_sealed, agency_enterprise_id, agency_uscc, ended_side, ended_reason, created_at, "
                        + "changed_at");
    }

    // ------------------------------------------------------------------ enterprises and persons

    @EventHandler
    void on(EnterpriseTaxInformationConfirmed event) {
        jdbc.update(enterpriseSeen, event.enterpriseId().value(), event.uscc().value(), event.name());
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
        String masked = Masking.documentNumber(document);
        jdbc.update(personSeen, personId, documentType.name(), masked, documentNumber.ciphertext(), name);
        List<String[]> candidates = jdbc.query("SELECT authorization_id, holder_document_sealed FROM authorization_view "
                        + "WHERE holder_person_id IS NULL AND holder_document_type = ? AND holder_document_masked = ?",
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, documentType.name(), masked);
        for (String[] candidate : candidates) {
            if (document.equals(open(candidate[0], candidate[1]))) {
                holderIdentified(candidate[0], personId);
            }
        }
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
        jdbc.update(authorizationStarted, authorizationId, enterpriseId.value(), uscc.value(), role.name(), taxOfficerIdentity,
                String.join(",", scopeNames), validUntil == null ? null : Date.valueOf(validUntil), status.name(), awaiting,
                holder == null ? null : holder.value(), name, documentType.name(),
                document == null ? "[erased]" : Masking.documentNumber(document),
                holder == null && document != null ? documentNumber.ciphertext() : null,
                agencyId == null ? null : agencyId.value(), agencyUscc == null ? null : agencyUscc.value(),
                null, null, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at));
        if (holder == null && document != null) {
            matchRegisteredPerson(authorizationId, documentType, document);
        }
    }

    /** The holder registered before this authorization was processed: find them among the persons seen. */
    private void matchRegisteredPerson(String authorizationId, DocumentType type, String document) {
        List<String[]> persons = jdbc.query("SELECT person_id, document_sealed FROM authorization_person "
                        + "WHERE document_type = ? AND document_masked = ?",
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, type.name(), Masking.documentNumber(document));
        for (String[] person : persons) {
            if (document.equals(open(person[0], person[1]))) {
                holderIdentified(authorizationId, person[0]);
                return;
            }
        }
    }

    private void holderIdentified(String authorizationId, String personId) {
        jdbc.update("UPDATE authorization_view SET holder_person_id = ?, holder_document_sealed = NULL "
                + "WHERE authorization_id = ?", personId, authorizationId);
    }

    private String open(String subjectId, String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        return personalData.forSubject(subjectId).map(o -> o.open(new EncryptedText(ciphertext))).orElse(null);
    }

    // ------------------------------------------------------------------ authorizations move on

    @EventHandler
    void on(AuthorizationConfirmed event, @Timestamp Instant at) {
        jdbc.update("UPDATE authorization_view SET status = 'ACTIVE', awaiting = NULL, changed_at = ?, "
                        + "holder_person_id = CASE WHEN role = 'TAX_AGENT' THEN holder_person_id ELSE ? END, "
                        + "holder_document_sealed = CASE WHEN role = 'TAX_AGENT' THEN holder_document_sealed ELSE NULL END "
                        + "WHERE authorization_id = ?",
                java.sql.Timestamp.from(at), event.confirmedBy().value(), event.authorizationId().value());
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
        jdbc.update("UPDATE authorization_view SET status = ?, awaiting = NULL, ended_side = ?, ended_reason = ?, "
                        + "changed_at = ? WHERE authorization_id = ?",
                status.name(), side, reason, java.sql.Timestamp.from(at), id.value());
    }

    @ResetHandler
    void reset() {
        tables.empty("authorization_view", "authorization_enterprise", "authorization_person");
    }
}
