package gov.etax.identity.query.infrastructure;

import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.query.support.QuerySideNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Least privilege (docs/operations.md, "Database roles"): Flyway migrates as the owner of the tables,
 * the command side connects as etax_command and the query side as etax_query. Each can do its job, and
 * neither can change an event or read what is not its business. The two application roles are the
 * fixed names the migrations grant to; they are created on the shared server when missing and left
 * there (other runs may be using them). The owner is this test's own and goes with its database.
 */
class DatabaseRolesTest {

    private static final String OWNER = "etax_owner_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static PostgresTestDatabase database;
    private static CommandSideNode command;
    private static QuerySideNode query;

    @BeforeAll
    static void start() {
        for (String role : new String[] {"etax_command", "etax_query"}) {
            PostgresTestDatabase.admin("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN CREATE ROLE " + role + " LOGIN; END IF; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        PostgresTestDatabase.admin("CREATE ROLE " + OWNER + " LOGIN");
        database = PostgresTestDatabase.create();
        PostgresTestDatabase.admin("ALTER DATABASE " + database.name() + " OWNER TO " + OWNER);
        String[] migrateAsOwner = {"spring.flyway.user=" + OWNER, "spring.flyway.password="};
        command = CommandSideNode.start(database.as("etax_command"), migrateAsOwner);
        query = QuerySideNode.start(database.as("etax_query"), command.http(),
                java.util.List.of(migrateAsOwner));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(query, command, database);
        PostgresTestDatabase.admin("DROP ROLE IF EXISTS " + OWNER);
    }

    @Test
    @DisplayName("As their own roles the applications register a person and show the account; the tables belong to the owner")
    void rolesDoTheirJobs() throws SQLException {
        HttpJson.Response registered = register(command.http(), residentIdNumber(), phone());
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String auditor = staffToken(command.http(), "AUDITOR");
        await().atMost(Duration.ofSeconds(30)).until(() -> query.http().as(auditor)
                .get("/api/persons/" + registered.text("personId") + "/account").status() == 200);

        try (Connection admin = database.connect(); Statement sql = admin.createStatement();
             var owners = sql.executeQuery("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")) {
            owners.next();
            assertThat(owners.getString(1)).isEqualTo(OWNER);
            assertThat(owners.next()).isFalse();
        }
    }

    @Test
    @DisplayName("As etax_query the query side rebuilds a projection beside its tables and switches it in; "
            + "the tables that replace the old ones belong to the owner and keep their grants")
    void rebuildAsTheQueryRole() throws SQLException {
        HttpJson.Response registered = register(command.http(), residentIdNumber(), phone());
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String auditor = staffToken(command.http(), "AUDITOR");
        String account = "/api/persons/" + registered.text("personId") + "/account";
        await().atMost(Duration.ofSeconds(30)).until(() -> query.http().as(auditor).get(account).status() == 200);
        String operator = staffToken(command.http(), "OPERATOR");

        HttpJson.Response replay = query.http().as(operator).post("/api/admin/projections/person-accounts/replay",
                java.util.Map.of());
        assertThat(replay.status()).as(replay.raw()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(query.http().as(operator)
                .get("/api/admin/projections/person-accounts").body().path("rebuild").path("state").asText())
                .isEqualTo("SWITCHED"));
        assertThat(query.http().as(auditor).get(account).status()).isEqualTo(200);

        try (Connection admin = database.connect(); Statement sql = admin.createStatement();
             var tables = sql.executeQuery("SELECT tableowner, has_table_privilege('etax_query', 'public.' || tablename, "
                     + "'INSERT') FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'person_account%'")) {
            int count = 0;
            while (tables.next()) {
                count++;
                assertThat(tables.getString(1)).isEqualTo(OWNER);
                assertThat(tables.getBoolean(2)).isTrue();
            }
            assertThat(count).isEqualTo(2);
        }
        try (Connection asQuery = database.as("etax_query").connect(); Statement sql = asQuery.createStatement()) {
            // the DDL functions take read-model tables only
            assertThatThrownBy(() -> sql.execute("SELECT etax_rebuild_switch('{domainevententry}')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    @DisplayName("Events are append-only for the command side and read-only for the query side; neither reads the other's secrets")
    void rolesCannotOverreach() throws SQLException {
        try (Connection asCommand = database.as("etax_command").connect(); Statement sql = asCommand.createStatement()) {
            sql.executeQuery("SELECT count(*) FROM domainevententry").close();
            assertDenied(sql, "DELETE FROM domainevententry");
            assertDenied(sql, "UPDATE domainevententry SET payloadtype = payloadtype");
            assertDenied(sql, "TRUNCATE domainevententry");
            assertDenied(sql, "SELECT count(*) FROM person_account");
        }
        try (Connection asQuery = database.as("etax_query").connect(); Statement sql = asQuery.createStatement()) {
            sql.executeQuery("SELECT count(*) FROM domainevententry").close();
            assertDenied(sql, "DELETE FROM domainevententry");
            assertDenied(sql, "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, eventidentifier, payload, "
                    + "payloadtype, timestamp) VALUES ('person-x', 0, 'x', '\\x00', 'x', 'x')");
            assertDenied(sql, "SELECT count(*) FROM person_credential");
            assertDenied(sql, "SELECT count(*) FROM identity_claim");
        }
    }

    @Test
    @DisplayName("Every table of the schema is granted to the side that uses it: a migration that adds a table without its grant fails here")
    void everyTableHasItsGrant() throws SQLException {
        try (Connection admin = database.connect(); Statement sql = admin.createStatement();
             var ungranted = sql.executeQuery("""
                     SELECT tablename FROM pg_tables
                     WHERE schemaname = 'public' AND tablename NOT LIKE 'flyway_history_%'
                       AND NOT has_table_privilege('etax_command', format('%I.%I', schemaname, tablename), 'SELECT')
                       AND NOT has_table_privilege('etax_query', format('%I.%I', schemaname, tablename), 'SELECT')""")) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            while (ungranted.next()) {
                tables.add(ungranted.getString(1));
            }
            assertThat(tables).isEmpty();
        }
    }

    private static void assertDenied(Statement sql, String statement) {
        assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
}
