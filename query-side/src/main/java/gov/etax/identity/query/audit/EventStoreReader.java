package gov.etax.identity.query.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code domainevententry} in global order, a page at a time (keyset on {@code globalindex}),
 * so that a history of any length passes through in constant memory and without a long-running
 * transaction. The query side only reads this table.
 *
 * <p>Events are read as committed when the page is fetched: an event of a transaction still open
 * with a lower global index (a gap) is not waited for, so an export taken while commands run may
 * miss the last moments; anything committed before the request started is there.
 */
@Component
public class EventStoreReader {

    static final int PAGE = 500;
    private static final int READERS_AHEAD = 4;
    private static final String SELECT = "SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, "
            + "timestamp, payloadtype, payload, metadata FROM domainevententry ";

    private final JdbcTemplate jdbc;
    private final Executor readAhead;

    public EventStoreReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // Daemon threads, a few: a read-ahead waits for a free one rather than adding connections.
        this.readAhead = Executors.newFixedThreadPool(READERS_AHEAD, runnable -> {
            Thread thread = new Thread(runnable, "event-store-read-ahead");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Every event matching {@code condition} (an SQL fragment over the table's columns, with its
     * {@code arguments}), oldest first.
     */
    public void forEach(String condition, List<Object> arguments, Consumer<StoredEvent> consumer) {
        forEach(-1, condition, arguments, consumer);
    }

    /** The same, from the events after global index {@code after} on. */
    public void forEach(long after, String condition, List<Object> arguments, Consumer<StoredEvent> consumer) {
        forEachPage(after, condition, arguments, page -> page.forEach(consumer));
    }

    /**
     * The same, a page at a time. While the consumer works on one page the next is already being
     * read: the database and the caller then use a core each, instead of taking turns.
     */
    public void forEachPage(long after, String condition, List<Object> arguments, Consumer<List<StoredEvent>> consumer) {
        CompletableFuture<List<StoredEvent>> next = CompletableFuture.completedFuture(page(after, condition, arguments));
        while (true) {
            List<StoredEvent> page = read(next);
            boolean last = page.size() < PAGE;
            if (!last) {
                long following = page.get(page.size() - 1).globalIndex();
                next = CompletableFuture.supplyAsync(() -> page(following, condition, arguments), readAhead);
            }
            consumer.accept(page);
            if (last) {
                return;
            }
        }
    }

    private static List<StoredEvent> read(CompletableFuture<List<StoredEvent>> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e; // as if read on this thread
        }
    }

    private List<StoredEvent> page(long after, String condition, List<Object> arguments) {
        List<Object> values = new ArrayList<>();
        values.add(after);
        values.addAll(arguments);
        return jdbc.query(SELECT + "WHERE globalindex > ? AND (" + condition + ") ORDER BY globalindex LIMIT " + PAGE,
                EventStoreReader::row, values.toArray());
    }

    /** The events at these global indexes (those the store holds), oldest first. */
    public List<StoredEvent> byGlobalIndex(Collection<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + "WHERE globalindex IN (" + AuditIndexWrites.placeholders(globalIndexes.size())
                + ") ORDER BY globalindex", EventStoreReader::row, globalIndexes.toArray());
    }

    /** Every event of these aggregates, oldest first. */
    public List<StoredEvent> ofAggregates(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + "WHERE aggregateidentifier IN (" + AuditIndexWrites.placeholders(aggregateIds.size())
                + ") ORDER BY globalindex", EventStoreReader::row, aggregateIds.toArray());
    }

    private static StoredEvent row(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                Instant.parse(rs.getString(6)), rs.getString(7), text(rs.getBytes(8)), text(rs.getBytes(9)));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
