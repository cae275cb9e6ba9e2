package gov.etax.identity.query.infrastructure.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes of a projection that reads nothing back while it handles a batch (an insert per event):
 * kept until the processor's unit of work commits, then sent as one JDBC batch per statement,
 * in the same transaction as the token. A pooled processor handles up to its batch size of events
 * in one unit of work, so a replay pays one round trip per statement and batch instead of one per
 * event (docs/performance.md, "Replay of a million events").
 *
 * <p>Only for writes whose order relative to other statements of the same batch does not matter,
 * and whose projection does not read its own rows while handling events.
 */
@Component
public class BatchedWrites {

    private static final String RESOURCE = BatchedWrites.class.getName();
    private static final String UNDO = RESOURCE + ".undo";

    private final JdbcTemplate jdbc;

    public BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code sql} with {@code args} when the current unit of work commits, or now outside one. */
    public void add(String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, List<Object[]>> pending = root.getOrComputeResource(RESOURCE, key -> {
            Map<String, List<Object[]>> statements = new LinkedHashMap<>();
            // Before the commit of the transaction the processor opened for the batch (and its token).
            root.onPrepareCommit(unitOfWork -> statements.forEach(jdbc::batchUpdate));
            return statements;
        });
        pending.computeIfAbsent(sql, key -> new ArrayList<>()).add(args);
    }

    /**
     * Registers how to undo a change an event made to state a projection keeps in memory for its batch
     * (an in-batch cache of its rows): run, latest first, when that event is set aside.
     */
    public void undoable(Runnable undo) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().<List<Runnable>>getOrComputeResource(UNDO, key -> new ArrayList<>()).add(undo);
        }
    }

    /**
     * The writes pending in the current unit of work so far: a point that {@link #discardSince}
     * returns to when the event being handled is set aside (dead-lettered).
     */
    public Mark mark() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        pending().forEach((sql, rows) -> counts.put(sql, rows.size()));
        return new Mark(counts, undos().size());
    }

    /** Forgets the writes added since {@code mark} was taken, and undoes the in-batch changes made since. */
    public void discardSince(Mark mark) {
        pending().forEach((sql, rows) -> {
            int keep = mark.statements().getOrDefault(sql, 0);
            if (rows.size() > keep) {
                rows.subList(keep, rows.size()).clear();
            }
        });
        List<Runnable> undos = undos();
        while (undos.size() > mark.undos()) {
            undos.remove(undos.size() - 1).run();
        }
    }

    /** Pending rows per statement, and the number of undo actions, at one point of a batch. */
    public record Mark(Map<String, Integer> statements, int undos) {
    }

    private List<Runnable> undos() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ArrayList<>();
        }
        List<Runnable> undos = CurrentUnitOfWork.get().root().getResource(UNDO);
        return undos == null ? new ArrayList<>() : undos;
    }

    private Map<String, List<Object[]>> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Map.of();
        }
        Map<String, List<Object[]>> pending = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        return pending == null ? Map.of() : pending;
    }
}
