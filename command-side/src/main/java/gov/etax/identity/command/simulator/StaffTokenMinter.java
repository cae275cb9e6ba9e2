package gov.etax.identity.command.simulator;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import gov.etax.identity.command.infrastructure.security.Callers;
import gov.etax.identity.command.infrastructure.security.SecurityProperties;
import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.security.RsaKeys;
import gov.etax.identity.kernel.security.SessionTokens;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/dev/staff-tokens}: stands in for the bureau's identity provider, minting staff
 * tokens (TAX_STAFF, AUDITOR, OPERATOR) signed with the dev staff key.
 */
@RestController
@Profile("dev")
public class StaffTokenMinter implements DevelopmentSimulator {

    private static final Duration LIFETIME = Duration.ofHours(8);

    private final NimbusJwtEncoder encoder;
    private final String issuer;
    private final Clock clock;

    public StaffTokenMinter(SecurityProperties properties, @Value("${etax.dev.staff-signing-key}") String signingKey,
                            Clock clock) {
        RSAPrivateCrtKey privateKey = RsaKeys.privateKey(signingKey, "etax.dev.staff-signing-key");
        RSAKey key = new RSAKey.Builder(RsaKeys.publicKeyOf(privateKey)).privateKey(privateKey).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.issuer = properties.staffIssuer();
        this.clock = clock;
    }

    public record StaffTokenRequest(String staffId, String name, String role) {
    }

    public record StaffToken(String accessToken, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/api/dev/staff-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    public StaffToken mint(@RequestBody StaffTokenRequest request) {
        if (request.role() == null || !Callers.STAFF_ROLES.contains(request.role())) {
            throw CommonReason.MALFORMED_REQUEST.refusal("role is one of " + Callers.STAFF_ROLES);
        }
        if (request.staffId() == null || request.staffId().isBlank()) {
            throw CommonReason.MISSING_FIELD.refusal("staffId is required");
        }
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(request.staffId())
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim("name", request.name() == null ? request.staffId() : request.name())
                .claim(SessionTokens.STAFF_ROLE, request.role())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        return new StaffToken(token, "Bearer", now.plus(LIFETIME));
    }
}
