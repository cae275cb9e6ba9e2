package gov.etax.identity.command.infrastructure.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits per client, on top of the per-phone (REG-7) and per-account (PWD-5) rules.
 *
 * @param smsPerAddress            SMS codes one client address may ask for, all phones and purposes together
 * @param smsPerSession            SMS codes one signed-in session may ask for
 * @param signInFailuresPerAddress refused sign-ins, password resets and phone recoveries from one
 *                                 address; past it the address is answered 429 before any look-up or hash
 * @param trustedProxies           addresses or CIDR blocks of the reverse proxies whose
 *                                 {@code X-Forwarded-For} is believed; empty: the header is ignored
 */
@ConfigurationProperties("etax.rate-limits")
public record RateLimitProperties(Limit smsPerAddress, Limit smsPerSession, Limit signInFailuresPerAddress,
                                  List<String> trustedProxies) {

    public RateLimitProperties {
        smsPerAddress = smsPerAddress == null ? new Limit(20, Duration.ofMinutes(10)) : smsPerAddress;
        smsPerSession = smsPerSession == null ? new Limit(10, Duration.ofHours(1)) : smsPerSession;
        signInFailuresPerAddress = signInFailuresPerAddress == null
                ? new Limit(20, Duration.ofMinutes(10)) : signInFailuresPerAddress;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /** At most {@code max} in a fixed window of {@code window} that starts at its first count. */
    public record Limit(int max, Duration window) {
    }
}
