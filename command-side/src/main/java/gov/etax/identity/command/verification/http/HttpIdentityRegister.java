package gov.etax.identity.command.verification.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.command.verification.IdentityRegister;
import gov.etax.identity.command.verification.OutsideServiceReason;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The public-security identity register: {@code POST /v1/identity-checks} (docs/outside-services.md). */
@Component
@Profile("!dev")
public class HttpIdentityRegister implements IdentityRegister {

    private final OutsideService service;

    public HttpIdentityRegister(OutsideServiceProperties properties, ObjectMapper json, Clock clock) {
        this.service = new OutsideService("identity-register", properties.identityRegister(),
                OutsideServiceReason.IDENTITY_REGISTER_UNAVAILABLE, json, clock);
    }

    @Override
    public boolean matches(DocumentNumber document, PersonName name) {
        return service.post("/v1/identity-checks", Map.of("documentType", document.type().name(),
                "documentNumber", document.value(), "name", name.value()), Set.of(), answer -> {
            JsonNode match = answer.body().path("match");
            if (!match.isBoolean()) {
                // Neither yes nor no: registering on a guess would defeat REG-2.
                throw new IllegalStateException("no boolean match in the answer");
            }
            return match.booleanValue();
        });
    }
}
