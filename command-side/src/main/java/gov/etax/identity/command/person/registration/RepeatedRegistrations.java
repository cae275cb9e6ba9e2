package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.command.person.registration.PersonRegistration.Application;
import gov.etax.identity.command.person.registration.RegistrationRequests.Earlier;
import gov.etax.identity.kernel.person.PersonId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * A repeated registration request is one registration (docs/adr, idempotent registration): a double
 * click or a client's retry answers with the first request's person. The client's
 * {@code Idempotency-Key} names the request when it sends one; otherwise the request body does. The
 * same key with another body is refused. A repeat that arrives while the first is still under way
 * waits for its outcome.
 */
@Service
public class RepeatedRegistrations {

    /** How long a request is remembered: far longer than any client retries. */
    static final Duration REMEMBERED = Duration.ofHours(24);
    /** Longer than a registration takes (face service, identity register, password hash) under load. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 50;
    private static final int MAX_KEY_LENGTH = 255;

    private final PersonRegistration registration;
    private final RegistrationRequests requests;
    private final Clock clock;

    public RepeatedRegistrations(PersonRegistration registration, RegistrationRequests requests, Clock clock) {
        this.registration = registration;
        this.requests = requests;
        this.clock = clock;
    }

    /** @param repeated the request repeats an earlier one, whose person this is */
    public record Registered(PersonId personId, boolean repeated) {
    }

    /** @param idempotencyKey the client's {@code Idempotency-Key} header, or null */
    public Registered register(Application application, String idempotencyKey) {
        String body = fingerprint(application);
        String requestKey = idempotencyKey == null ? "body:" + body : "key:" + checked(idempotencyKey);
        Instant deadline = clock.instant().plus(LONGEST_WAIT);
        while (true) {
            PersonId personId = PersonId.generate();
            Instant now = clock.instant();
            Optional<Earlier> earlier = requests.claim(requestKey, body, personId, now, now.plus(REMEMBERED));
            if (earlier.isEmpty()) {
                return new Registered(registerClaimed(application, personId, requestKey), false);
            }
            Optional<Registered> answered = awaitEarlier(requestKey, body, earlier.get(), deadline);
            if (answered.isPresent()) {
                return answered.get();
            }
            // The earlier request was refused or failed and released its claim: this one registers afresh.
        }
    }

    private PersonId registerClaimed(Application application, PersonId personId, String requestKey) {
        try {
            registration.register(application, personId);
        } catch (RuntimeException refusedOrFailed) {
            requests.release(requestKey);
            throw refusedOrFailed;
        }
        requests.complete(requestKey);
        return personId;
    }

    /** Empty when the earlier claim went away without a registration. */
    private Optional<Registered> awaitEarlier(String requestKey, String body, Earlier earlier, Instant deadline) {
        Optional<Earlier> current = Optional.of(earlier);
        while (current.isPresent()) {
            if (!current.get().sameBody()) {
                throw PersonReason.IDEMPOTENCY_KEY_REUSED.refusal();
            }
            if (current.get().completed()) {
                return Optional.of(new Registered(current.get().personId(), true));
            }
            if (clock.instant().isAfter(deadline)) {
                throw PersonReason.REGISTRATION_IN_PROGRESS.refusal();
            }
            pause();
            current = requests.find(requestKey, body);
        }
        return Optional.empty();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PersonReason.REGISTRATION_IN_PROGRESS.refusal();
        }
    }

    private static String checked(String idempotencyKey) {
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH
                || idempotencyKey.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            throw PersonReason.INVALID_IDEMPOTENCY_KEY.refusal();
        }
        return idempotencyKey;
    }

    /** Every field, null told apart from empty; stored only as a keyed hash (it holds the password). */
    private static String fingerprint(Application a) {
        return Stream.of(a.documentType(), a.documentNumber(), a.name(), a.phone(), a.password(), a.username(),
                        a.faceVerificationToken(), a.smsCode())
                .map(field -> field == null ? "\u0001" : field.length() + ":" + field)
                .collect(Collectors.joining("\u0000"));
    }
}
