package gov.etax.identity.command.infrastructure.ratelimit;

import gov.etax.identity.command.infrastructure.persistence.DatabaseEngine;
import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.infrastructure.ratelimit.RateLimitProperties.Limit;
import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters per client in PostgreSQL, so that a limit holds however many command nodes share the
 * load: a fixed window per bucket and subject, anchored at its first count, like REG-7's window
 * per phone. Subjects (addresses, sessions) are stored as keyed hashes only.
 *
 * <p>On PostgreSQL a count is one autocommitted upsert that decides under the row's lock (its
 * {@code WHERE} refuses a full window); H2 locks the row, reads and writes it back in a transaction
 * of its own. Either way the count commits on its own, whatever the caller's transaction does.
 */
@Component
public class RateLimits {

    private static final Set<Kind> COUNTED = EnumSet.of(Kind.UNAUTHENTICATED, Kind.FORBIDDEN, Kind.NOT_FOUND,
            Kind.UNPROCESSABLE);

    /**
     * Opens a fresh window when none is open or the stored one has ended (start at or before
     * now - length), else counts one more hit unless the window is full; returns nothing then.
     */
    private static final String COUNT_UPSERT = "INSERT INTO rate_limit_window AS w (bucket, subject_hash, window_start, hits) "
            + "VALUES (?, ?, ?, 1) ON CONFLICT (bucket, subject_hash) DO UPDATE SET "
            + "window_start = CASE WHEN w.hits = 0 OR w.window_start <= ? THEN EXCLUDED.window_start ELSE w.window_start END, "
            + "hits = CASE WHEN w.hits = 0 OR w.window_start <= ? THEN 1 ELSE w.hits + 1 END "
            + "WHERE w.hits = 0 OR w.window_start <= ? OR w.hits < ? RETURNING w.hits";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate outsideTransactions;
    private final LookupHash lookupHash;
    private final Clock clock;
    private final boolean upsert;

    public RateLimits(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LookupHash lookupHash, Clock clock,
                      DatabaseEngine engine) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        // A count must stay counted when the request it belongs to is refused and rolls back.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // The single upsert runs on an autocommitted connection, outside any caller's transaction.
        this.outsideTransactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.lookupHash = lookupHash;
        this.clock = clock;
        this.upsert = engine.postgres();
    }

    /** Counts one request, or refuses it with {@code retryAt} when the window is full (and counts nothing). */
    public void admit(String bucket, String subject, Limit limit, RateLimitReason reason) {
        if (upsert) {
            if (limit.max() <= 0 || !counted(bucket, subject, limit, limit.max())) {
                // The full window, read again: a refusal is rare and says when counting resumes.
                throw reason.refusal().with("retryAt", current(bucket, subject, limit).start().plus(limit.window()));
            }
            return;
        }
        transactions.executeWithoutResult(status -> {
            Window window = locked(bucket, subject);
            Instant now = now();
            Window current = window.at(now, limit);
            if (current.hits() >= limit.max()) {
                throw reason.refusal().with("retryAt", current.start().plus(limit.window()));
            }
            store(bucket, subject, new Window(current.start(), current.hits() + 1));
        });
    }

    /**
     * Runs an attempt that names an account, refused at once (before any look-up or hash) when
     * this subject's refused attempts have filled the window; a refusal of the attempt is counted.
     * A successful attempt only reads the count. Attempts already running when the window fills
     * are still counted, so concurrent ones may pass the bound by their number, once.
     */
    public <T> T countingRefusals(String bucket, String subject, Limit limit, RateLimitReason reason, Supplier<T> attempt) {
        // One read, no transaction of its own: nothing is counted here, and a count racing it is allowed for below.
        Window window = current(bucket, subject, limit);
        if (window.hits() >= limit.max()) {
            throw reason.refusal().with("retryAt", window.start().plus(limit.window()));
        }
        try {
            return attempt.get();
        } catch (RuntimeException failure) {
            if (countable(failure) && upsert) {
                counted(bucket, subject, limit, Integer.MAX_VALUE);
            } else if (countable(failure)) {
                transactions.executeWithoutResult(status -> {
                    Window counted = locked(bucket, subject).at(now(), limit);
                    store(bucket, subject, new Window(counted.start(), counted.hits() + 1));
                });
            }
            throw failure;
        }
    }

    /**
     * A refusal of the caller's proof or account (401, 403, 404, 422), also when Axon hands it over
     * wrapped. Not a malformed request, nor a 409: a choice still to make (a role, a pending
     * authorization) after the password was right.
     */
    private static boolean countable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return COUNTED.contains(refusal.reason().kind());
            }
        }
        return false;
    }

    private Window current(String bucket, String subject, Limit limit) {
        return jdbc.query("SELECT window_start, hits FROM rate_limit_window WHERE bucket = ? AND subject_hash = ?",
                        (rs, row) -> new Window(rs.getTimestamp(1).toInstant(), rs.getInt(2)), bucket, hash(bucket, subject))
                .stream().findFirst().orElse(Window.NONE).at(now(), limit);
    }

    /** PostgreSQL: one hit counted, in a window of at most {@code max}; false when that window is full. */
    private boolean counted(String bucket, String subject, Limit limit, int max) {
        Instant now = now();
        Timestamp ended = Timestamp.from(now.minus(limit.window()));
        Boolean counted = outsideTransactions.execute(status -> !jdbc.queryForList(COUNT_UPSERT, Integer.class,
                bucket, hash(bucket, subject), Timestamp.from(now), ended, ended, ended, max).isEmpty());
        return Boolean.TRUE.equals(counted);
    }

    /** H2: the subject's row, created on first use and locked, so concurrent counts on any node queue up. */
    private Window locked(String bucket, String subject) {
        String subjectHash = hash(bucket, subject);
        jdbc.update("INSERT INTO rate_limit_window (bucket, subject_hash, window_start, hits) VALUES (?, ?, ?, 0) "
                + "ON CONFLICT DO NOTHING", bucket, subjectHash, Timestamp.from(now()));
        return jdbc.queryForObject(
                "SELECT window_start, hits FROM rate_limit_window WHERE bucket = ? AND subject_hash = ? FOR UPDATE",
                (rs, row) -> new Window(rs.getTimestamp(1).toInstant(), rs.getInt(2)), bucket, subjectHash);
    }

    private void store(String bucket, String subject, Window window) {
        jdbc.update("UPDATE rate_limit_window SET window_start = ?, hits = ? WHERE bucket = ? AND subject_hash = ?",
                Timestamp.from(window.start()), window.hits(), bucket, hash(bucket, subject));
    }

    private String hash(String bucket, String subject) {
        return lookupHash.of("rate-limit", bucket + ":" + subject);
    }

    /** Microseconds, as the database stores them. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** @param hits counted in the window that starts at {@code start}; 0 means none is open */
    private record Window(Instant start, int hits) {

        static final Window NONE = new Window(Instant.EPOCH, 0);

        /** The window a count at {@code now} falls in: this one, or a fresh one anchored at now. */
        Window at(Instant now, Limit limit) {
            return hits == 0 || !now.isBefore(start.plus(limit.window())) ? new Window(now, 0) : this;
        }
    }
}
