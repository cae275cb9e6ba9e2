package gov.etax.identity.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.command.support.PostgresTestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The event store read in pages while the next page is read ahead: every event once, in global
 * order, across pages and gaps in the global index; a failure of a page read ahead surfaces as the
 * same exception a read on the caller's thread gives. On PostgreSQL and on H2.
 */
class EventStoreReaderTest {

    private static final int EVENTS = 2 * EventStoreReader.PAGE + 234;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2"})
    @DisplayName("Every event once, oldest first, a page at a time")
    void pagesInGlobalOrder(String vendor) throws Exception {
        try (Store store = Store.of(vendor)) {
            List<Long> expected = store.fill();
            EventStoreReader reader = new EventStoreReader(store.jdbc);

            List<Long> read = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            reader.forEachPage(-1, "1 = 1", List.of(), page -> {
                pageSizes.add(page.size());
                page.forEach(event -> read.add(event.globalIndex()));
            });
            assertThat(read).containsExactlyElementsOf(expected);
            assertThat(pageSizes).allMatch(size -> size <= EventStoreReader.PAGE).hasSizeGreaterThan(2);

            List<Long> odd = new ArrayList<>();
            reader.forEach(100, "aggregateidentifier = ?", List.of("aggregate-1"), event -> odd.add(event.globalIndex()));
            assertThat(odd).containsExactlyElementsOf(expected.stream().filter(index -> index > 100 && index % 2 == 1).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2"})
    @DisplayName("A page read ahead that fails fails the reading as a database error, not wrapped")
    void failureOfAPageReadAhead(String vendor) throws Exception {
        try (Store store = Store.of(vendor)) {
            store.fill();
            EventStoreReader reader = new EventStoreReader(store.jdbc);
            List<Integer> pages = new ArrayList<>();
            assertThatThrownBy(() -> reader.forEachPage(-1, "1 = 1", List.of(), page -> {
                if (pages.isEmpty()) {
                    // the table disappears under the reader: the second or the third page cannot be read
                    store.jdbc.execute("ALTER TABLE domainevententry RENAME TO gone");
                }
                pages.add(page.size());
            })).isInstanceOf(DataAccessException.class);
            assertThat(pages).isNotEmpty().hasSizeLessThan(3);
        }
    }

    /** A table of the columns the reader selects, filled with synthetic events. */
    private static final class Store implements AutoCloseable {

        private final PostgresTestDatabase postgres;
        private final Connection keepAlive;
        private final JdbcTemplate jdbc;

        private Store(PostgresTestDatabase postgres, String url, String user) throws Exception {
            this.postgres = postgres;
            this.keepAlive = DriverManager.getConnection(url, user, "");
            this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user, ""));
        }

        static Store of(String vendor) throws Exception {
            if ("postgresql".equals(vendor)) {
                PostgresTestDatabase postgres = PostgresTestDatabase.create();
                return new Store(postgres, postgres.url(), postgres.user());
            }
            return new Store(null, "jdbc:h2:mem:events" + UUID.randomUUID() + PostgresTestDatabase.H2_OPTIONS
                    .replace(";AUTO_SERVER=TRUE", "") + ";DB_CLOSE_DELAY=-1", "sa");
        }

        /** Inserts the events, every seventh global index left out (a gap); returns the indexes written. */
        List<Long> fill() {
            jdbc.execute("CREATE TABLE domainevententry (globalindex BIGINT PRIMARY KEY, eventidentifier VARCHAR(255), "
                    + "aggregateidentifier VARCHAR(255), sequencenumber BIGINT, type VARCHAR(255), timestamp VARCHAR(255), "
                    + "payloadtype VARCHAR(255), payload BYTEA, metadata BYTEA)");
            List<Long> indexes = LongStream.rangeClosed(1, EVENTS + EVENTS / 6).filter(index -> index % 7 != 0).boxed().toList();
            List<Object[]> rows = indexes.stream().map(index -> new Object[] {index, UUID.randomUUID().toString(),
                    "aggregate-" + (index % 2), index, "Test", "2026-01-01T00:00:00Z", "test.Happened",
                    ("{\"n\":" + index + "}").getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)})
                    .toList();
            jdbc.batchUpdate("INSERT INTO domainevententry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return indexes;
        }

        @Override
        public void close() throws Exception {
            keepAlive.close();
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
