package gov.etax.identity.command.simulator;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Outside dev a simulator would register people nobody verified: refuse to start instead. */
@Component
@Profile("!dev")
public class ProdGuard {

    public ProdGuard(List<DevelopmentSimulator> simulators) {
        if (!simulators.isEmpty()) {
            throw new IllegalStateException("Development simulators are refused outside the dev profile: "
                    + simulators.stream().map(s -> s.getClass().getSimpleName()).toList());
        }
    }
}
