package gov.etax.identity.command.support;

import gov.etax.identity.command.CommandSideApplication;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** One running command-side application on a random port; several may share one database. */
public final class CommandSideNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpJson http;

    private CommandSideNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = new HttpJson("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    public static CommandSideNode start(PostgresTestDatabase database, String... extraProperties) {
        return new CommandSideNode(CommandSideApplication.builder().run(database.commandLine(extraProperties)));
    }

    /** A node whose rules read the given clock, so a test can move time across an edge. */
    public static CommandSideNode start(PostgresTestDatabase database, Clock clock, String... extraProperties) {
        return new CommandSideNode(CommandSideApplication.builder()
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(database.commandLine(extraProperties)));
    }

    /** A node with beans of the test's own in place of the application's (those marked replaceable). */
    public static CommandSideNode start(PostgresTestDatabase database, Map<String, Object> singletons,
                                        String... extraProperties) {
        return new CommandSideNode(CommandSideApplication.builder()
                .initializers(context -> singletons.forEach(context.getBeanFactory()::registerSingleton))
                .run(database.commandLine(extraProperties)));
    }

    public HttpJson http() {
        return http;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
