package gov.etax.identity.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import gov.etax.identity.kernel.config.DevKeyRing;
import gov.etax.identity.kernel.security.RsaKeys;
import gov.etax.identity.kernel.security.SessionTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Fresh keys for an application started without the dev profile, as an operator would provide
 * them, and staff tokens signed the way the bureau's identity provider would sign them.
 */
public final class ProductionSettings {

    public static final String STAFF_ISSUER = "https://idp.tax-bureau.test";

    private final Map<String, String> keys;

    private ProductionSettings(Map<String, String> keys) {
        this.keys = keys;
    }

    /** A key ring of its own, made the same way as dev's but in a throw-away directory. */
    public static ProductionSettings fresh() {
        try {
            return new ProductionSettings(DevKeyRing.loadOrCreate(Files.createTempDirectory("etax-prod-keys")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The command side's settings, as {@code name=value}: its keys, and all three outside services
     * at {@code outsideServicesUrl} with the given extra settings of each (e.g. {@code max-attempts=2}).
     */
    public List<String> commandSide(String outsideServicesUrl, String... perService) {
        List<String> settings = commandSideKeys();
        for (String service : List.of("face-verification", "sms-gateway", "identity-register")) {
            settings.add("etax.outside." + service + ".url=" + outsideServicesUrl);
            settings.add("etax.outside." + service + ".client-id=etax");
            settings.add("etax.outside." + service + ".client-secret=s3cret");
            for (String setting : perService) {
                settings.add("etax.outside." + service + "." + setting);
            }
        }
        return settings;
    }

    /** The command side's key settings alone, as {@code name=value}. */
    public List<String> commandSideKeys() {
        return new ArrayList<>(List.of(
                "etax.privacy.master-key=" + keys.get(DevKeyRing.MASTER_KEY),
                "etax.privacy.lookup-key=" + keys.get(DevKeyRing.LOOKUP_KEY),
                "etax.security.session-signing-key=" + keys.get(DevKeyRing.SESSION_SIGNING_KEY),
                "etax.security.staff-issuer=" + STAFF_ISSUER,
                "etax.security.staff-public-key=" + keys.get(DevKeyRing.STAFF_PUBLIC_KEY)));
    }

    /** The query side's key settings, as {@code name=value}. */
    public List<String> querySide() {
        return new ArrayList<>(List.of(
                "etax.privacy.master-key=" + keys.get(DevKeyRing.MASTER_KEY),
                "etax.security.staff-issuer=" + STAFF_ISSUER,
                "etax.security.staff-public-key=" + keys.get(DevKeyRing.STAFF_PUBLIC_KEY)));
    }

    /** Health and prometheus answer; no other actuator endpoint exists, not even for signed-in staff. */
    public void assertOnlyHealthAndPrometheus(HttpJson http) {
        assertThat(http.get("/actuator/health").text("status")).isEqualTo("UP");
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(200);
        HttpJson auditor = http.as(staffToken("AUDITOR"));
        for (String endpoint : List.of("/actuator/metrics", "/actuator/info", "/actuator/env", "/actuator/beans")) {
            assertThat(auditor.get(endpoint).status()).as(endpoint).isEqualTo(404);
            assertThat(http.get(endpoint).status()).as(endpoint).isIn(401, 404);
        }
    }

    /** A staff token with the role, signed by the identity provider these settings trust. */
    public String staffToken(String role) {
        RSAPrivateCrtKey privateKey = RsaKeys.privateKey(keys.get(DevKeyRing.STAFF_SIGNING_KEY), "staff signing key");
        RSAKey key = new RSAKey.Builder(RsaKeys.publicKeyOf(privateKey)).privateKey(privateKey).build();
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(STAFF_ISSUER).subject("staff-1").issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(10))).claim(SessionTokens.STAFF_ROLE, role).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
