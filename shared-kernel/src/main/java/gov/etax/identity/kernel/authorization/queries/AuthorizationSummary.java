package gov.etax.identity.kernel.authorization.queries;

import java.time.LocalDate;
import java.util.List;

/**
 * One pending or active authorization as the account center shows it. Document numbers are masked.
 *
 * @param taxOfficerIdentity MAIN or SUB for tax officers, else null
 * @param validUntil         the last day of validity (有效期止), null when open-ended
 * @param status             PENDING or ACTIVE
 * @param awaiting           who must act on a pending one: HOLDER, CLIENT or AGENCY; null when active
 * @param holderPersonId     null while the holder has not registered (a legal representative or finance manager)
 * @param agencyUscc         the agency of a tax agent relationship (uscc is then the client), else null
 */
public record AuthorizationSummary(
        String authorizationId,
        String uscc,
        String enterpriseName,
        String role,
        String taxOfficerIdentity,
        List<String> scopes,
        LocalDate validUntil,
        String status,
        String awaiting,
        String holderPersonId,
        String holderName,
        String holderDocumentType,
        String holderDocumentNumberMasked,
        String agencyUscc,
        String agencyName) {
}
