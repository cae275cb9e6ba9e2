package gov.etax.identity.command.sms;

import static gov.etax.identity.command.support.Registrations.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import gov.etax.identity.command.CommandSideApplication;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same SQL on H2 in PostgreSQL mode, the database {@code make run} uses: window row creation
 * ({@code ON CONFLICT DO NOTHING}), the row lock and the code checks.
 */
class SmsChallengesH2Test {

    private static final Instant FIRST = Instant.parse("2025-04-01T01:00:00Z");

    private static MutableClock clock;
    private static ConfigurableApplicationContext context;
    private static SmsChallenges challenges;

    @BeforeAll
    static void start() {
        clock = new MutableClock(FIRST);
        context = CommandSideApplication.builder()
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:sms-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                "--spring.profiles.active=dev", "--etax.dev.key-dir=target/dev-keys");
        challenges = context.getBean(SmsChallenges.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @DisplayName("REG-7 on H2: five sends, the sixth refused with retryAt = first + 10:00, sending open again at exactly 10:00")
    void window() {
        MobilePhone phone = new MobilePhone(phone());
        clock.set(FIRST);
        for (int send = 0; send < 5; send++) {
            assertThat(challenges.send(phone, SmsPurpose.PHONE_BINDING).sendsLeftInWindow()).isEqualTo(4 - send);
        }
        clock.set(FIRST.plus(Duration.ofMinutes(9)).plusSeconds(59));
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> challenges.send(phone, SmsPurpose.LOGIN));
        assertThat(refusal.reason()).isEqualTo(SmsReason.SMS_SENDING_PAUSED);
        assertThat(refusal.details()).containsEntry("retryAt", FIRST.plus(Duration.ofMinutes(10)));

        clock.set(FIRST.plus(Duration.ofMinutes(10)));
        assertThat(challenges.send(phone, SmsPurpose.PHONE_BINDING).sendsLeftInWindow()).isEqualTo(4);
    }

    @Test
    @DisplayName("REG-7 on H2: wrong tries, exhaustion, expiry at 5:00 and a missing code")
    void checks() {
        MobilePhone phone = new MobilePhone(phone());
        clock.set(FIRST);
        challenges.send(phone, SmsPurpose.LOGIN);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(challenges.verify(phone, SmsPurpose.LOGIN, "not-a-code")).isEqualTo(SmsCodeCheck.WRONG);
        }
        assertThat(challenges.verify(phone, SmsPurpose.LOGIN, "not-a-code")).isEqualTo(SmsCodeCheck.EXHAUSTED);
        assertThat(challenges.verify(phone, SmsPurpose.PASSWORD_RESET, "123456")).isEqualTo(SmsCodeCheck.NO_CODE);

        challenges.send(phone, SmsPurpose.PASSWORD_RESET);
        clock.set(FIRST.plus(SmsChallenges.CODE_LIFETIME));
        assertThat(challenges.verify(phone, SmsPurpose.PASSWORD_RESET, "123456")).isEqualTo(SmsCodeCheck.EXPIRED);
    }

    @Test
    @DisplayName("REG-7 on H2: 10 simultaneous first sends to one phone give exactly 5 sent and 5 refused")
    void concurrentSends() throws InterruptedException {
        MobilePhone phone = new MobilePhone(phone());
        clock.set(FIRST);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<SentChallenge>> sends = new ArrayList<>();
            for (int request = 0; request < 10; request++) {
                Callable<SentChallenge> sendOne = () -> {
                    gate.await();
                    return challenges.send(phone, SmsPurpose.PHONE_BINDING);
                };
                sends.add(pool.submit(sendOne));
            }
            gate.countDown();
            int sent = 0;
            int paused = 0;
            for (Future<SentChallenge> send : sends) {
                try {
                    send.get();
                    sent++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(Refusal.class,
                            refusal -> assertThat(refusal.reason()).isEqualTo(SmsReason.SMS_SENDING_PAUSED));
                    paused++;
                }
            }
            assertThat(sent).isEqualTo(5);
            assertThat(paused).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
