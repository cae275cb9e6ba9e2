package gov.etax.identity.query;

import gov.etax.identity.query.infrastructure.config.ProfileRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The query side: projections that follow the event store, read models and the query API (port 8081). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuerySideApplication {

    static {
        // No outbound calls at start-up: the network is closed and auditors expect none.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }

    /**
     * Its own config file name, so both applications can share one JVM in end-to-end tests; its
     * start-up rules (production settings, dev keys) before anything else.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=query-side")
                .listeners(new ProfileRules());
    }

    public static void main(String[] args) {
        builder().build().run(args);
    }
}
