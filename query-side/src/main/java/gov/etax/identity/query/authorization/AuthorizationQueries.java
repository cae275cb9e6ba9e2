package gov.etax.identity.query.authorization;

import gov.etax.identity.kernel.authorization.queries.AuthorizationSummary;
import gov.etax.identity.kernel.authorization.queries.FindEnterpriseStaff;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.time.ChinaStandardTime;
import gov.etax.identity.query.infrastructure.web.PageRequest;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The authorization views' queries: a person's pending and active authorizations (待确认授权, 已授权企业),
 * an enterprise's existing tax staff (现有办税人员), and whether a relationship is still in force. Only
 * relationships that have not run out are shown: the last day of validity is a whole day in China
 * Standard Time.
 */
@Component
public class AuthorizationQueries {

    /**
     * The person's pending and active authorizations, optionally of one status; pending first, then
     * by USCC, role and authorization id.
     */
    public record FindMyAuthorizationsPage(PersonId personId, String status, PageRequest page) {
    }

    public record AuthorizationPage(List<AuthorizationSummary> items, String nextCursor) {
    }

    /** Subscription: the person's pending authorizations (待确认授权), all of them, updated as they change. */
    public record WatchMyPendingAuthorizations(PersonId personId) {
    }

    /** Whether the person still holds the role for the enterprise (ACC-2: an enterprise session's relationship). */
    public record IsRelationshipInForce(PersonId personId, Uscc uscc, String role) {
    }

    private static final String SELECT = "SELECT v.authorization_id, v.uscc, e.name, v.role, v.tax_officer_identity, "
            + "v.scopes, v.valid_until, v.status, v.awaiting, v.holder_person_id, COALESCE(p.name, v.holder_name), "
            + "v.holder_document_type, v.holder_document_masked, v.agency_uscc, a.name "
            + "FROM authorization_view v "
            + "LEFT JOIN authorization_enterprise e ON e.enterprise_id = v.enterprise_id "
            + "LEFT JOIN authorization_enterprise a ON a.enterprise_id = v.agency_enterprise_id "
            + "LEFT JOIN authorization_person p ON p.person_id = v.holder_person_id "
            + "WHERE (v.valid_until IS NULL OR v.valid_until >= ?) ";

    /** Pending first (0), then active (1): the order the existing list had. */
    private static final String RANK = "(CASE v.status WHEN 'PENDING' THEN '0' ELSE '1' END)";

    private final JdbcTemplate jdbc;

    public AuthorizationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AuthorizationPage handle(FindMyAuthorizationsPage query) {
        PageRequest page = query.page();
        List<Object> args = new ArrayList<>(List.of(today(), query.personId().value()));
        StringBuilder sql = new StringBuilder(SELECT).append("AND v.holder_person_id = ? ");
        if (query.status() == null) {
            sql.append("AND v.status IN ('PENDING', 'ACTIVE') ");
        } else {
            sql.append("AND v.status = ? ");
            args.add(query.status());
        }
        if (page.after() != null) {
            sql.append("AND (").append(RANK).append(", v.uscc, v.role, v.authorization_id) > (?, ?, ?, ?) ");
            args.addAll(page.after());
        }
        sql.append("ORDER BY ").append(RANK).append(", v.uscc, v.role, v.authorization_id LIMIT ?");
        args.add(page.fetchSize());
        List<AuthorizationSummary> rows = jdbc.query(sql.toString(), (rs, n) -> summary(rs, true), args.toArray());
        PageRequest.Page<AuthorizationSummary> result = page.page(rows,
                a -> List.of("PENDING".equals(a.status()) ? "0" : "1", a.uscc(), a.role(), a.authorizationId()));
        return new AuthorizationPage(result.items(), result.nextCursor());
    }

    @QueryHandler
    List<AuthorizationSummary> handle(WatchMyPendingAuthorizations query) {
        return jdbc.query(SELECT + "AND v.holder_person_id = ? AND v.status = 'PENDING' "
                + "ORDER BY v.uscc, v.role, v.authorization_id", (rs, n) -> summary(rs, true), today(), query.personId().value());
    }

    /** ACC-6: the enterprise's existing tax staff, and tax agent relationships where it is client or agency. */
    @QueryHandler
    List<AuthorizationSummary> handle(FindEnterpriseStaff query) {
        return jdbc.query(SELECT + "AND v.status IN ('PENDING', 'ACTIVE') AND (v.uscc = ? OR v.agency_uscc = ?) "
                        + "ORDER BY v.status DESC, v.role, v.created_at",
                (rs, row) -> summary(rs, false), today(), query.uscc().value(), query.uscc().value());
    }

    @QueryHandler
    Boolean handle(IsRelationshipInForce query) {
        Integer held = jdbc.queryForObject("SELECT count(*) FROM authorization_view v "
                        + "WHERE (v.valid_until IS NULL OR v.valid_until >= ?) AND v.holder_person_id = ? "
                        + "AND v.status = 'ACTIVE' AND v.uscc = ? AND v.role = ?", Integer.class,
                today(), query.personId().value(), query.uscc().value(), query.role());
        return held != null && held > 0;
    }

    private static Date today() {
        return Date.valueOf(LocalDate.now(ChinaStandardTime.ZONE));
    }

    /** {@code own}: the person's own list shows the holder's id; the staff list does not. */
    private static AuthorizationSummary summary(ResultSet rs, boolean own) throws SQLException {
        String scopes = rs.getString(6);
        Date validUntil = rs.getDate(7);
        return new AuthorizationSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), scopes == null || scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(",")),
                validUntil == null ? null : validUntil.toLocalDate(), rs.getString(8), rs.getString(9),
                own ? rs.getString(10) : null, rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15));
    }
}
