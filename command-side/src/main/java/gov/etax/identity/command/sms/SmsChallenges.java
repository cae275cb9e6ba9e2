package gov.etax.identity.command.sms;

import gov.etax.identity.command.infrastructure.persistence.DatabaseEngine;
import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.verification.SmsGateway;
import gov.etax.identity.kernel.person.MobilePhone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place SMS codes are made and checked (REG-7). A code lives 5 minutes, works once and
 * survives 5 wrong tries. Tables hold keyed hashes only: neither the code nor the phone is
 * stored, logged or put in an event.
 *
 * <p>A send decides and records under its phone's window lock in one short transaction, and
 * calls the gateway only after the commit, so a slow operator never holds the lock. If the
 * gateway then fails, a second transaction takes back what the send recorded, so an undelivered
 * code costs the phone no send. On PostgreSQL that transaction is one statement, autocommitted: an
 * upsert of the window that counts under the row's lock or refuses a full window, and the code's
 * upsert, made only when the send was counted.
 */
@Service
public class SmsChallenges {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final int MAX_WRONG_TRIES = 5;

    /**
     * Counts the send in the phone's window (a fresh one when none is open or the stored one ended at
     * or before now) unless that window is full, and only then stores the code, replacing any earlier
     * one for the purpose. No row comes back from a full window.
     */
    private static final String SEND_UPSERT = "WITH counted AS ("
            + "INSERT INTO sms_send_window AS w (phone_hash, window_start, sends) VALUES (?, ?, 1) "
            + "ON CONFLICT (phone_hash) DO UPDATE SET "
            + "window_start = CASE WHEN w.sends = 0 OR w.window_start <= ? THEN EXCLUDED.window_start ELSE w.window_start END, "
            + "sends = CASE WHEN w.sends = 0 OR w.window_start <= ? THEN 1 ELSE w.sends + 1 END "
            + "WHERE w.sends = 0 OR w.window_start <= ? OR w.sends < ? RETURNING w.window_start, w.sends), "
            + "code AS (INSERT INTO sms_challenge (phone_hash, purpose, code_hash, sent_at, expires_at, wrong_tries) "
            + "SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), 0 FROM counted "
            + "ON CONFLICT (phone_hash, purpose) DO UPDATE SET code_hash = EXCLUDED.code_hash, sent_at = EXCLUDED.sent_at, "
            + "expires_at = EXCLUDED.expires_at, wrong_tries = 0) "
            + "SELECT window_start, sends FROM counted";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate outsideTransactions;
    private final boolean upsert;
    private final LookupHash lookupHash;
    private final SmsGateway smsGateway;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SmsChallenges(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LookupHash lookupHash,
                         SmsGateway smsGateway, Clock clock, DatabaseEngine engine) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        // Never joins a caller's transaction: a wrong try must stay counted when a login that
        // called verify rolls back, and a send must be committed before the gateway is called.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // The one-statement send commits on its own, on an autocommitted connection.
        this.outsideTransactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.upsert = engine.postgres();
        this.lookupHash = lookupHash;
        this.smsGateway = smsGateway;
        this.clock = clock;
    }

    /** Sends a new code for the purpose, replacing any earlier one; refused by REG-7 with {@code retryAt}. */
    public SentChallenge send(MobilePhone phone, SmsPurpose purpose) {
        String code = "%06d".formatted(random.nextInt(1_000_000));
        String phoneHash = lookupHash.of(phone);
        String codeHash = codeHash(phone, purpose, code);
        Recorded recorded = upsert
                ? outsideTransactions.execute(status -> recordInOneStatement(phoneHash, purpose, codeHash))
                : transactions.execute(status -> record(phoneHash, purpose, codeHash));
        try {
            smsGateway.send(phone, "您的验证码为" + code + "，用于" + purpose.wordingZh() + "，5分钟内有效，请勿告知他人。");
        } catch (RuntimeException undelivered) {
            try {
                transactions.executeWithoutResult(status -> takeBack(recorded));
            } catch (RuntimeException undoFailed) {
                undelivered.addSuppressed(undoFailed);
            }
            throw undelivered;
        }
        return new SentChallenge(phone, purpose, recorded.expiresAt(), recorded.window().sendsLeft());
    }

    /**
     * Checks one try; {@link SmsCodeCheck#VALID} uses the code up. The right code, unexpired and not
     * exhausted, is used up by one autocommitted delete that decides under the row's lock; anything
     * else is told apart, and a wrong try counted, in a transaction of its own.
     */
    public SmsCodeCheck verify(MobilePhone phone, SmsPurpose purpose, String code) {
        String phoneHash = lookupHash.of(phone);
        String offeredHash = codeHash(phone, purpose, code == null ? "" : code);
        if (outsideTransactions.execute(status -> usedUp(phoneHash, purpose, offeredHash))) {
            return SmsCodeCheck.VALID;
        }
        byte[] offered = offeredHash.getBytes(StandardCharsets.US_ASCII);
        return transactions.execute(status -> {
            List<Stored> rows = jdbc.query(
                    "SELECT code_hash, expires_at, wrong_tries FROM sms_challenge WHERE phone_hash = ? AND purpose = ? FOR UPDATE",
                    (rs, row) -> new Stored(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)),
                    phoneHash, purpose.name());
            if (rows.isEmpty()) {
                return SmsCodeCheck.NO_CODE;
            }
            Stored stored = rows.get(0);
            // A code covers [sent, sent + 5 min): at exactly 5:00 it has expired.
            if (!now().isBefore(stored.expiresAt())) {
                return SmsCodeCheck.EXPIRED;
            }
            if (stored.wrongTries() >= MAX_WRONG_TRIES) {
                return SmsCodeCheck.EXHAUSTED;
            }
            if (MessageDigest.isEqual(stored.codeHash().getBytes(StandardCharsets.US_ASCII), offered)) {
                jdbc.update("DELETE FROM sms_challenge WHERE phone_hash = ? AND purpose = ?", phoneHash, purpose.name());
                return SmsCodeCheck.VALID;
            }
            jdbc.update("UPDATE sms_challenge SET wrong_tries = wrong_tries + 1 WHERE phone_hash = ? AND purpose = ?",
                    phoneHash, purpose.name());
            return SmsCodeCheck.WRONG;
        });
    }

    /**
     * The keyed hash of the code offered is compared in the database: it is no secret an attacker could
     * time, since only the right code's hash matches, and making one needs the lookup key.
     */
    private boolean usedUp(String phoneHash, SmsPurpose purpose, String offeredHash) {
        return jdbc.update("DELETE FROM sms_challenge WHERE phone_hash = ? AND purpose = ? AND code_hash = ? "
                        + "AND expires_at > ? AND wrong_tries < ?",
                phoneHash, purpose.name(), offeredHash, Timestamp.from(now()), MAX_WRONG_TRIES) == 1;
    }

    /** PostgreSQL: {@link #record}'s decision and writes in one statement, under the window row's lock. */
    private Recorded recordInOneStatement(String phoneHash, SmsPurpose purpose, String codeHash) {
        while (true) {
            Instant now = now();
            Timestamp ended = Timestamp.from(now.minus(SmsSendWindow.LENGTH));
            Instant expiresAt = now.plus(CODE_LIFETIME);
            List<SmsSendWindow> counted = jdbc.query(SEND_UPSERT,
                    (rs, row) -> new SmsSendWindow(rs.getTimestamp(1).toInstant(), rs.getInt(2)),
                    phoneHash, Timestamp.from(now), ended, ended, ended, SmsSendWindow.MAX_SENDS,
                    phoneHash, purpose.name(), codeHash, Timestamp.from(now), Timestamp.from(expiresAt));
            if (!counted.isEmpty()) {
                return new Recorded(phoneHash, purpose, codeHash, counted.get(0), expiresAt);
            }
            // A full window: its refusal carries the moment sending resumes. Should the window have
            // ended since, the send is counted afresh.
            jdbc.queryForObject("SELECT window_start, sends FROM sms_send_window WHERE phone_hash = ?",
                    (rs, row) -> new SmsSendWindow(rs.getTimestamp(1).toInstant(), rs.getInt(2)), phoneHash).admit(now());
        }
    }

    /** H2: the window row created on first use and locked, then read, decided and written back. */
    private Recorded record(String phoneHash, SmsPurpose purpose, String codeHash) {
        // The first send to a phone creates its row; a concurrent first send on another node waits
        // for that insert to commit and then inserts nothing. Both then queue on the row lock.
        jdbc.update("INSERT INTO sms_send_window (phone_hash, window_start, sends) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
                phoneHash, Timestamp.from(now()));
        SmsSendWindow current = jdbc.queryForObject(
                "SELECT window_start, sends FROM sms_send_window WHERE phone_hash = ? FOR UPDATE",
                (rs, row) -> new SmsSendWindow(rs.getTimestamp(1).toInstant(), rs.getInt(2)), phoneHash);
        // Read after the lock, so sends are timed in the order they are counted.
        Instant now = now();
        SmsSendWindow next = current.admit(now);
        jdbc.update("UPDATE sms_send_window SET window_start = ?, sends = ? WHERE phone_hash = ?",
                Timestamp.from(next.start()), next.sends(), phoneHash);
        jdbc.update("DELETE FROM sms_challenge WHERE phone_hash = ? AND purpose = ?", phoneHash, purpose.name());
        Instant expiresAt = now.plus(CODE_LIFETIME);
        jdbc.update("INSERT INTO sms_challenge (phone_hash, purpose, code_hash, sent_at, expires_at, wrong_tries) "
                + "VALUES (?, ?, ?, ?, ?, 0)", phoneHash, purpose.name(), codeHash, Timestamp.from(now), Timestamp.from(expiresAt));
        return new Recorded(phoneHash, purpose, codeHash, next, expiresAt);
    }

    /** Only the window this send counted in and only its own code: later sends may have moved on. */
    private void takeBack(Recorded recorded) {
        jdbc.update("UPDATE sms_send_window SET sends = sends - 1 WHERE phone_hash = ? AND window_start = ? AND sends > 0",
                recorded.phoneHash(), Timestamp.from(recorded.window().start()));
        jdbc.update("DELETE FROM sms_challenge WHERE phone_hash = ? AND purpose = ? AND code_hash = ?",
                recorded.phoneHash(), recorded.purpose().name(), recorded.codeHash());
    }

    private String codeHash(MobilePhone phone, SmsPurpose purpose, String code) {
        return lookupHash.of("sms-code", phone.value() + ":" + purpose + ":" + code);
    }

    /** Microseconds, as both PostgreSQL and H2 store them, so a stored instant reads back equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Recorded(String phoneHash, SmsPurpose purpose, String codeHash, SmsSendWindow window, Instant expiresAt) {
    }

    private record Stored(String codeHash, Instant expiresAt, int wrongTries) {
    }
}
