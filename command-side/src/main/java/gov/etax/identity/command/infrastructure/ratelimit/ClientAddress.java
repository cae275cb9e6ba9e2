package gov.etax.identity.command.infrastructure.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request came from, for the per-client limits. It is the TCP peer, unless that
 * peer is one of the configured reverse proxies ({@code etax.rate-limits.trusted-proxies}): then
 * {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first address
 * no proxy of ours added is the client. Anybody can write the header, so without a configured
 * proxy it is ignored; otherwise a caller would pick a fresh address per request.
 */
@Component
public class ClientAddress {

    private final List<IpAddressMatcher> trustedProxies;

    public ClientAddress(RateLimitProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream()
                .filter(proxy -> !proxy.isBlank()).map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        String forwarded = String.join(",", Collections.list(request.getHeaders("X-Forwarded-For")));
        String[] hops = forwarded.split(",");
        String client = peer;
        for (int hop = hops.length - 1; hop >= 0; hop--) {
            String address = hops[hop].strip();
            if (address.isEmpty()) {
                continue;
            }
            client = address;
            if (!trusted(address)) {
                break;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        // Literal addresses only: a name would make the matcher ask DNS.
        if (!address.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
