package gov.etax.identity.query.center;

import gov.etax.identity.kernel.time.ChinaStandardTime;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.query.infrastructure.web.PageRequest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The account center's own lists: authorized enterprises and history information. */
@Component
public class CenterQueries {

    private final JdbcTemplate jdbc;

    public CenterQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ messages

    /** 已授权企业: the person's relationships in force, sorted by USCC, then authorization id. */
    public record FindMyEnterprises(PersonId personId, PageRequest page) {
    }

    /** 历史管理信息 (ACC-10): newest first, then by record id; records the person cleared left out. */
    public record FindMyHistory(PersonId personId, PageRequest page) {
    }

    @Schema(description = "An enterprise the person is authorized for (已授权企业)")
    public record AuthorizedEnterprise(
            @Schema(description = "The authorization that grants the relationship") String authorizationId,
            @Schema(description = "Unified social credit code of the enterprise (统一社会信用代码)") String uscc,
            @Schema(description = "Enterprise name") String enterpriseName,
            @Schema(description = "LEGAL_REPRESENTATIVE, FINANCE_MANAGER, TAX_OFFICER, INVOICING_OFFICER or TAX_AGENT") String role,
            @Schema(description = "MAIN or SUB for tax officers, else absent") String taxOfficerIdentity,
            @Schema(description = "Function sets granted (scope)") List<String> scopes,
            @Schema(description = "Last day of validity, China Standard Time; absent when open-ended") LocalDate validUntil,
            @Schema(description = "When the relationship came into force") Instant since) {
    }

    @Schema(description = "One record of the person's history information (历史管理信息)")
    public record HistoryRecord(
            @Schema(description = "Stable id: the identifier of the event that made the record; "
                    + "POST /api/me/history/{recordId}/clear on the command side hides it") String recordId,
            @Schema(description = "LOGIN_SUCCEEDED, LOGIN_FAILED, IDENTITY_SWITCHED or RELATIONSHIP_ENDED") String kind,
            @Schema(description = "When it happened") Instant occurredAt,
            @Schema(description = "Login entry (logins, switches)") String entry,
            @Schema(description = "Authentication method (logins)") String method,
            @Schema(description = "Why a login failed") String failure,
            @Schema(description = "Enterprise acted for, or of the ended relationship") String uscc,
            @Schema(description = "Name of the ended relationship's enterprise") String enterpriseName,
            @Schema(description = "Role acted in, or of the ended relationship") String role,
            @Schema(description = "The ended relationship's authorization") String authorizationId,
            @Schema(description = "REVOKED or EXPIRED (ended relationships)") String endedHow,
            @Schema(description = "Who ended it: ENTERPRISE, AGENCY, PERSON or TAX_AUTHORITY") String endedSide,
            @Schema(description = "Why it was ended") String endedReason,
            @Schema(description = "When the ended relationship had come into force") Instant since) {
    }

    @Schema(description = "A page of authorized enterprises")
    public record EnterprisePage(List<AuthorizedEnterprise> items,
                                 @Schema(description = "Pass as ?cursor= for the next page; absent on the last") String nextCursor) {
    }

    @Schema(description = "A page of history records")
    public record HistoryPage(List<HistoryRecord> items,
                              @Schema(description = "Pass as ?cursor= for the next page; absent on the last") String nextCursor) {
    }

    // ------------------------------------------------------------------ handlers

    @QueryHandler
    EnterprisePage handle(FindMyEnterprises query) {
        PageRequest page = query.page();
        List<Object> args = new ArrayList<>(List.of(query.personId().value(), today()));
        String after = "";
        if (page.after() != null) {
            after = "AND (v.uscc, v.authorization_id) > (?, ?) ";
            args.addAll(page.after());
        }
        args.add(page.fetchSize());
        List<AuthorizedEnterprise> rows = jdbc.query("SELECT v.authorization_id, v.uscc, e.name, v.role, "
                        + "v.tax_officer_identity, v.scopes, v.valid_until, COALESCE(s.since, v.changed_at) "
                        + "FROM authorization_view v "
                        + "LEFT JOIN authorization_enterprise e ON e.enterprise_id = v.enterprise_id "
                        + "LEFT JOIN account_relationship_start s ON s.authorization_id = v.authorization_id "
                        + "WHERE v.holder_person_id = ? AND v.status = 'ACTIVE' "
                        + "AND (v.valid_until IS NULL OR v.valid_until >= ?) " + after
                        + "ORDER BY v.uscc, v.authorization_id LIMIT ?",
                (rs, n) -> new AuthorizedEnterprise(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), scopes(rs.getString(6)), date(rs.getDate(7)), instant(rs.getTimestamp(8))),
                args.toArray());
        PageRequest.Page<AuthorizedEnterprise> result = page.page(rows, e -> List.of(e.uscc(), e.authorizationId()));
        return new EnterprisePage(result.items(), result.nextCursor());
    }

    @QueryHandler
    HistoryPage handle(FindMyHistory query) {
        PageRequest page = query.page();
        List<Object> args = new ArrayList<>(List.of(query.personId().value(), query.personId().value()));
        String after = "";
        if (page.after() != null) {
            after = "AND (h.occurred_at, h.record_id) < (?, ?) ";
            args.add(Timestamp.from(page.instantAt(0)));
            args.add(page.after().get(1));
        }
        args.add(page.fetchSize());
        List<HistoryRecord> rows = jdbc.query("SELECT h.record_id, h.kind, h.occurred_at, h.entry, h.method, h.failure, "
                        + "h.uscc, h.enterprise_name, h.role, h.authorization_id, h.ended_how, h.ended_side, "
                        + "h.ended_reason, h.since FROM account_history h "
                        + "WHERE h.person_id = ? AND NOT EXISTS (SELECT 1 FROM account_history_cleared c "
                        + "WHERE c.person_id = ? AND c.record_id = h.record_id) " + after
                        + "ORDER BY h.occurred_at DESC, h.record_id DESC LIMIT ?",
                (rs, n) -> new HistoryRecord(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        instant(rs.getTimestamp(14))),
                args.toArray());
        PageRequest.Page<HistoryRecord> result = page.page(rows, r -> List.of(r.occurredAt().toString(), r.recordId()));
        return new HistoryPage(result.items(), result.nextCursor());
    }

    // ------------------------------------------------------------------ mapping

    private static List<String> scopes(String scopes) {
        return scopes == null || scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(","));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Date today() {
        return Date.valueOf(LocalDate.now(ChinaStandardTime.ZONE));
    }
}
