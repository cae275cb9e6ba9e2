package gov.etax.identity.command.simulator;

import gov.etax.identity.command.verification.SmsGateway;
import gov.etax.identity.kernel.person.MobilePhone;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** An outbox instead of an operator: what would have been sent, readable at {@code GET /api/dev/sms}. */
@Component
@Profile("dev")
public class SimulatedSmsGateway implements SmsGateway, DevelopmentSimulator {

    private final Map<MobilePhone, List<Sms>> outbox = new ConcurrentHashMap<>();
    private final Clock clock;

    public SimulatedSmsGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void send(MobilePhone phone, String text) {
        outbox.computeIfAbsent(phone, p -> new CopyOnWriteArrayList<>()).add(new Sms(phone.value(), text, clock.instant()));
    }

    public List<Sms> sentTo(MobilePhone phone) {
        return List.copyOf(outbox.getOrDefault(phone, List.of()));
    }

    @Schema(name = "DevSms")
    public record Sms(String phone, String text, Instant sentAt) {
    }
}
