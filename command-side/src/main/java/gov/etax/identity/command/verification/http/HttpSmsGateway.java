package gov.etax.identity.command.verification.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.command.verification.OutsideServiceReason;
import gov.etax.identity.command.verification.SmsGateway;
import gov.etax.identity.kernel.person.MobilePhone;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The operator's SMS gateway: {@code POST /v1/messages} (docs/outside-services.md). */
@Component
@Profile("!dev")
public class HttpSmsGateway implements SmsGateway {

    private final OutsideService service;

    public HttpSmsGateway(OutsideServiceProperties properties, ObjectMapper json, Clock clock) {
        this.service = new OutsideService("sms-gateway", properties.smsGateway(),
                OutsideServiceReason.SMS_GATEWAY_UNAVAILABLE, json, clock);
    }

    @Override
    public void send(MobilePhone phone, String text) {
        // The same message id on every attempt: the gateway sends a message id once, so a retry
        // after a lost answer does not text the person twice.
        service.post("/v1/messages",
                Map.of("messageId", UUID.randomUUID().toString(), "phone", phone.value(), "text", text), Set.of(),
                answer -> answer);
    }
}
