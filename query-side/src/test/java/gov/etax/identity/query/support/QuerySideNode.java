package gov.etax.identity.query.support;

import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.query.QuerySideApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** One running query-side application on a random port, optionally with extra test beans. */
public final class QuerySideNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpJson http;

    private QuerySideNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = new HttpJson("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** @param commandSide whose published keys (JWKS) verify person session tokens */
    public static QuerySideNode start(PostgresTestDatabase database, HttpJson commandSide, Class<?>... extraBeans) {
        return start(database, commandSide, List.of(), extraBeans);
    }

    /** @param properties extra {@code name=value} settings of this node */
    public static QuerySideNode start(PostgresTestDatabase database, HttpJson commandSide, List<String> properties,
                                      Class<?>... extraBeans) {
        List<String> settings = new ArrayList<>(properties);
        settings.add("etax.security.session-jwks-uri=" + commandSide.baseUrl() + "/.well-known/jwks.json");
        return new QuerySideNode(QuerySideApplication.builder().sources(extraBeans)
                .run(database.commandLine(settings.toArray(String[]::new))));
    }

    public HttpJson http() {
        return http;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean hasBean(Class<?> type) {
        return context.getBeanNamesForType(type).length > 0;
    }

    @Override
    public void close() {
        context.close();
    }
}
