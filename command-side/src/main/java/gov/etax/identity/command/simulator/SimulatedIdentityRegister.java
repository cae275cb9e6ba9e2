package gov.etax.identity.command.simulator;

import gov.etax.identity.command.verification.IdentityRegister;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The public-security register, simulated: a document recorded through
 * {@code POST /api/dev/identity-register} matches only its recorded name; any other document
 * matches whatever name is given, so development needs no set-up.
 */
@Component
@Profile("dev")
public class SimulatedIdentityRegister implements IdentityRegister, DevelopmentSimulator {

    private final Map<DocumentNumber, PersonName> records = new ConcurrentHashMap<>();

    public void record(DocumentNumber document, PersonName name) {
        records.put(document, name);
    }

    @Override
    public boolean matches(DocumentNumber document, PersonName name) {
        PersonName recorded = records.get(document);
        return recorded == null || recorded.equals(name);
    }
}
