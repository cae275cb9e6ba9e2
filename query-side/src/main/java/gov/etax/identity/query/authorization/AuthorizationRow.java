package gov.etax.identity.query.authorization;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code authorization_view} as the projection writes it. {@code holderDocument} is the
 * holder's document number opened, kept only in memory while a holder named by document is matched
 * to a registered person; it is never written.
 */
public record AuthorizationRow(String authorizationId, String enterpriseId, String uscc, String role, String taxOfficerIdentity,
                        String scopes, LocalDate validUntil, String status, String awaiting, String holderPersonId,
                        String holderName, String holderDocumentType, String holderDocumentMasked,
                        String holderDocumentSealed, String agencyEnterpriseId, String agencyUscc, String endedSide,
                        String endedReason, Instant createdAt, Instant changedAt, String holderDocument) {

    static final String COLUMNS = "authorization_id, enterprise_id, uscc, role, tax_officer_identity, scopes, valid_until, "
            + "status, awaiting, holder_person_id, holder_name, holder_document_type, holder_document_masked, "
            + "holder_document_sealed, agency_enterprise_id, agency_uscc, ended_side, ended_reason, created_at, changed_at";

    /** Named by document and not yet recognised as a registered person. */
    boolean awaitsHolder() {
        return holderPersonId == null && holderDocumentSealed != null;
    }

    /** A holder's registration recognised: the sealed document is no longer needed. */
    AuthorizationRow withHolder(String personId) {
        return new AuthorizationRow(authorizationId, enterpriseId, uscc, role, taxOfficerIdentity, scopes, validUntil, status,
                awaiting, personId, holderName, holderDocumentType, holderDocumentMasked, null, agencyEnterpriseId,
                agencyUscc, endedSide, endedReason, createdAt, changedAt, null);
    }

    /** A tax agency's holder is the agency's staff, named already; every other confirmer is the holder. */
    AuthorizationRow confirmed(String confirmedBy, Instant at) {
        boolean agency = "TAX_AGENT".equals(role);
        return new AuthorizationRow(authorizationId, enterpriseId, uscc, role, taxOfficerIdentity, scopes, validUntil,
                "ACTIVE", null, agency ? holderPersonId : confirmedBy, holderName, holderDocumentType,
                holderDocumentMasked, agency ? holderDocumentSealed : null, agencyEnterpriseId, agencyUscc, endedSide,
                endedReason, createdAt, at, agency ? holderDocument : null);
    }

    AuthorizationRow ended(String newStatus, String side, String reason, Instant at) {
        return new AuthorizationRow(authorizationId, enterpriseId, uscc, role, taxOfficerIdentity, scopes, validUntil,
                newStatus, null, holderPersonId, holderName, holderDocumentType, holderDocumentMasked, holderDocumentSealed,
                agencyEnterpriseId, agencyUscc, side, reason, createdAt, at, holderDocument);
    }

    AuthorizationRow withHolderDocument(String document) {
        return new AuthorizationRow(authorizationId, enterpriseId, uscc, role, taxOfficerIdentity, scopes, validUntil, status,
                awaiting, holderPersonId, holderName, holderDocumentType, holderDocumentMasked, holderDocumentSealed,
                agencyEnterpriseId, agencyUscc, endedSide, endedReason, createdAt, changedAt, document);
    }

    /** The values of {@link #COLUMNS}, in order. */
    Object[] values() {
        return new Object[] {authorizationId, enterpriseId, uscc, role, taxOfficerIdentity, scopes,
                validUntil == null ? null : Date.valueOf(validUntil), status, awaiting, holderPersonId, holderName,
                holderDocumentType, holderDocumentMasked, holderDocumentSealed, agencyEnterpriseId, agencyUscc, endedSide,
                endedReason, Timestamp.from(createdAt), Timestamp.from(changedAt)};
    }
}
