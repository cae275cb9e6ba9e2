package gov.etax.identity.command;

import gov.etax.identity.command.infrastructure.config.ProfileRules;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The command side: aggregates, their rules and the command API (port 8080). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandSideApplication {

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
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .listeners(new ProfileRules());
    }

    public static void main(String[] args) {
        SpringApplication app = builder().build();
        app.run(args);
    }
}
