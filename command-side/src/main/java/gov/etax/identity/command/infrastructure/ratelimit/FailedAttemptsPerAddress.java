package gov.etax.identity.command.infrastructure.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Requests that name an account by document, phone or username (sign-in, password reset, phone
 * recovery) share one count of refusals per client address. Past the bound the address is answered
 * 429 before any look-up or hash, so it can neither probe which accounts exist nor lock out
 * account after account (PWD-5 counts per account, this per address).
 */
@Component
public class FailedAttemptsPerAddress {

    private final RateLimits rateLimits;
    private final RateLimitProperties properties;
    private final ClientAddress clientAddress;

    public FailedAttemptsPerAddress(RateLimits rateLimits, RateLimitProperties properties, ClientAddress clientAddress) {
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.clientAddress = clientAddress;
    }

    public <T> T guard(HttpServletRequest request, Supplier<T> attempt) {
        return rateLimits.countingRefusals("sign-in-failures", clientAddress.of(request),
                properties.signInFailuresPerAddress(), RateLimitReason.TOO_MANY_FAILED_ATTEMPTS, attempt);
    }
}
