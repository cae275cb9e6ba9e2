package gov.etax.identity.query.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tables each projection (processing group) writes, tables referred to first. Projections that share
 * a table are rebuilt together: {@code account_history} holds the logins of {@code account-history} and the
 * ended relationships of {@code authorizations}, so a second set of it is complete only with both.
 * {@code ProjectionReplayTest} checks that these are all the read-model tables, and the migrations list them
 * too ({@code etax_rebuild_tables()}).
 */
final class RebuiltTables {

    private static final Map<String, List<String>> WRITTEN = new LinkedHashMap<>();

    static {
        WRITTEN.put("person-accounts", List.of("person_account", "person_account_phone"));
        WRITTEN.put("ended-sessions", List.of("started_session", "ended_session"));
        WRITTEN.put("authorizations", List.of("authorization_enterprise", "authorization_person", "authorization_view",
                "account_relationship_start", "account_history"));
        WRITTEN.put("account-history", List.of("account_history", "account_history_cleared"));
        WRITTEN.put("audit", List.of("audit_subject_event", "audit_learned_subject", "audit_event_time",
                "audit_relationship_period"));
    }

    private RebuiltTables() {
    }

    /** Every table of any projection. */
    static Set<String> all() {
        Set<String> all = new LinkedHashSet<>();
        WRITTEN.values().forEach(all::addAll);
        return all;
    }

    /** The projections rebuilt together with these: they and every one sharing a table with them, in a fixed order. */
    static List<String> rebuiltWith(List<String> projections) {
        Set<String> groups = new LinkedHashSet<>(projections);
        boolean grew = true;
        while (grew) {
            Set<String> tables = tablesOf(groups);
            grew = false;
            for (Map.Entry<String, List<String>> entry : WRITTEN.entrySet()) {
                if (!groups.contains(entry.getKey()) && entry.getValue().stream().anyMatch(tables::contains)) {
                    groups.add(entry.getKey());
                    grew = true;
                }
            }
        }
        return WRITTEN.keySet().stream().filter(groups::contains).toList();
    }

    /** The tables of these projections, each once, tables referred to first. */
    static List<String> of(List<String> projections) {
        return new ArrayList<>(tablesOf(projections));
    }

    private static Set<String> tablesOf(Iterable<String> projections) {
        Set<String> tables = new LinkedHashSet<>();
        projections.forEach(projection -> tables.addAll(WRITTEN.getOrDefault(projection, List.of())));
        return tables;
    }
}
