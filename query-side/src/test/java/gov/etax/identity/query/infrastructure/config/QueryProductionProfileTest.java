package gov.etax.identity.query.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.command.support.ProductionSettings;
import gov.etax.identity.query.QuerySideApplication;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side without a profile: production rules, the same as the command side's. The command
 * side (which owns the event store's schema) runs beside it under the prod profile with the same
 * keys; its outside services are never called here.
 */
class QueryProductionProfileTest {

    private static PostgresTestDatabase database;
    private static ProductionSettings settings;
    private static CommandSideNode commandSide;
    private static ConfigurableApplicationContext context;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        settings = ProductionSettings.fresh();
        List<String> command = settings.commandSide("http://127.0.0.1:9");
        command.add("spring.profiles.active=prod");
        commandSide = CommandSideNode.start(database, command.toArray(String[]::new));
        List<String> query = settings.querySide();
        query.add("etax.security.session-jwks-uri=" + commandSide.http().baseUrl() + "/.well-known/jwks.json");
        context = QuerySideApplication.builder().run(database.productionCommandLine(query.toArray(String[]::new)));
        http = new HttpJson("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(context, commandSide, database);
    }

    @Test
    @DisplayName("No profile and no keys: the start is refused, naming each missing setting")
    void refusesWithoutSettings() {
        assertThatThrownBy(() -> QuerySideApplication.builder().run(database.productionCommandLine()).close())
                .hasStackTraceContaining("Production rules apply (no dev profile active)")
                .hasStackTraceContaining("ETAX_MASTER_KEY (etax.privacy.master-key)")
                .hasStackTraceContaining("ETAX_STAFF_ISSUER")
                .hasStackTraceContaining("ETAX_STAFF_PUBLIC_KEY");
    }

    @Test
    @DisplayName("No profile with the staff key that once stood in the dev configuration: refused")
    void refusesPublishedKey() {
        List<String> properties = settings.querySide();
        properties.removeIf(property -> property.startsWith("etax.security.staff-public-key="));
        properties.add("etax.security.staff-public-key=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAoZI9yoGStbv8WBzP74Uza0cKx0cir9TScrZNCB2p9BbK12lUfC0kioF7aSaBUsUVQ/2cOJZoMtcsivhLr/UqnhPJFvGmVxbdl6jrWYrdt0EhsUqv+IgHfNbm/yz/XSMXGQZDH+Vjw48DfO6k36XEO9zn5snzHgpn449eaX48qsXWEEGu2Z6G6cNlsTm9pBpHij6+ot8x/JryAeVD0c089md2bN6AL3AgvuhJWil54Xy9lKXh99uz7gkpS7UeTO6qAzNcM6itcxUa+oBj6mc+S8jx+vIhFsmKEODRqK1tggaoHR5YdAKtEQ5UdrsjJR5AX0VJaqmr+P1DNvDD4YtU9QIDAQAB");

        assertThatThrownBy(() -> QuerySideApplication.builder()
                .run(database.productionCommandLine(properties.toArray(String[]::new))).close())
                .hasStackTraceContaining("published development key in ETAX_STAFF_PUBLIC_KEY");
    }

    @Test
    @DisplayName("dev and prod together refuse to start")
    void refusesDevWithProd() {
        assertThatThrownBy(() -> QuerySideApplication.builder()
                .run(database.commandLine("spring.profiles.active=dev,prod")).close())
                .hasStackTraceContaining("The dev and prod profiles exclude each other");
    }

    @Test
    @DisplayName("With its settings it starts; staff tokens of the configured provider are accepted")
    void startsWithProductionSettings() {
        assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
        // The operator token of the configured identity provider is accepted and its role honoured.
        HttpJson.Response status = http.as(settings.staffToken("OPERATOR")).get("/api/admin/projections");
        assertThat(status.status()).as(status.raw()).isEqualTo(200);
    }

    @Test
    @DisplayName("Actuator: health and prometheus answer; metrics, info and env do not, even for signed-in staff")
    void actuatorExposesHealthAndPrometheusOnly() {
        settings.assertOnlyHealthAndPrometheus(http);
    }
}
