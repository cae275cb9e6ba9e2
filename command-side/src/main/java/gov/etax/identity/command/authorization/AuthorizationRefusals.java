package gov.etax.identity.command.authorization;

import gov.etax.identity.command.infrastructure.axon.AggregateRefusals;
import gov.etax.identity.kernel.refusal.Reason;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An unknown authorization id is a 404; a change that kept meeting another at the same moment a 409. */
@Component
public class AuthorizationRefusals implements AggregateRefusals {

    @Override
    public Class<?> aggregateType() {
        return Authorization.class;
    }

    @Override
    public Reason notFound() {
        return AuthorizationReason.AUTHORIZATION_NOT_FOUND;
    }

    @Override
    public Optional<Reason> conflicting(Class<?> commandType) {
        return Optional.of(AuthorizationReason.CONCURRENT_CHANGE);
    }
}
