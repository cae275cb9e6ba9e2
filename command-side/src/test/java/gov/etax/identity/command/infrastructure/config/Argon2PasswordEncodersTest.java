package gov.etax.identity.command.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.infrastructure.config.Argon2PasswordEncoders.Implementation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class Argon2PasswordEncodersTest {

    private static final String PASSWORD = "Secret#2024密码";
    private static final Argon2Settings SETTINGS = Argon2Settings.OWASP_MINIMUM;

    private final PasswordEncoder nativeEncoder = Argon2PasswordEncoders.create(SETTINGS, Implementation.NATIVE);
    private final PasswordEncoder javaEncoder = Argon2PasswordEncoders.create(SETTINGS, Implementation.JAVA);

    @Test
    @DisplayName("the native library loads here; the setting forces the pure-Java fallback")
    void nativeUnlessForced() {
        assertThat(nativeEncoder).isInstanceOf(NativeArgon2PasswordEncoder.class);
        assertThat(javaEncoder).isInstanceOf(Argon2PasswordEncoder.class);
    }

    @Test
    @DisplayName("both write PHC strings of argon2id at 19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte hash")
    void phcStringWithOwaspParameters() {
        for (PasswordEncoder encoder : new PasswordEncoder[] {nativeEncoder, javaEncoder}) {
            String encoded = encoder.encode(PASSWORD);
            assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
            assertThat(encoder.encode(PASSWORD)).isNotEqualTo(encoded);
        }
    }

    @Test
    @DisplayName("each verifies the other's hashes, and refuses a wrong password")
    void verifyEachOther() {
        String byNative = nativeEncoder.encode(PASSWORD);
        String byJava = javaEncoder.encode(PASSWORD);
        assertThat(javaEncoder.matches(PASSWORD, byNative)).isTrue();
        assertThat(nativeEncoder.matches(PASSWORD, byJava)).isTrue();
        assertThat(nativeEncoder.matches(PASSWORD, byNative)).isTrue();
        assertThat(javaEncoder.matches("Secret#2025密码", byNative)).isFalse();
        assertThat(nativeEncoder.matches("Secret#2025密码", byJava)).isFalse();
    }

    @Test
    @DisplayName("hashes written before (Spring Security 5.8 defaults, 16 MiB) verify unchanged and ask for an upgrade")
    void olderHashesVerifyAndUpgrade() {
        String older = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
        assertThat(older).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
        for (PasswordEncoder encoder : new PasswordEncoder[] {nativeEncoder, javaEncoder}) {
            assertThat(encoder.matches(PASSWORD, older)).isTrue();
            assertThat(encoder.upgradeEncoding(older)).isTrue();
            assertThat(encoder.upgradeEncoding(encoder.encode(PASSWORD))).isFalse();
        }
        String olderStill = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2().encode(PASSWORD);
        assertThat(nativeEncoder.matches(PASSWORD, olderStill)).isTrue();
        assertThat(nativeEncoder.upgradeEncoding(olderStill)).isTrue();
    }

    @Test
    @DisplayName("stronger parameters than today's verify and are kept")
    void strongerHashesKept() {
        PasswordEncoder stronger = Argon2PasswordEncoders.create(new Argon2Settings(32 * 1024, 3, 1, 16, 32),
                Implementation.NATIVE);
        String encoded = stronger.encode(PASSWORD);
        assertThat(javaEncoder.matches(PASSWORD, encoded)).isTrue();
        assertThat(nativeEncoder.matches(PASSWORD, encoded)).isTrue();
        assertThat(nativeEncoder.upgradeEncoding(encoded)).isFalse();
        assertThat(javaEncoder.upgradeEncoding(encoded)).isFalse();
    }

    @Test
    @DisplayName("text that is not an Argon2 PHC string matches no password")
    void malformedMatchesNothing() {
        for (String malformed : new String[] {"", "plain", "$argon2id$v=19$m=19456,t=2,p=1$", "$2a$10$abcdefghijklmnopqrstuu",
                "$argon2id$v=19$m=x,t=2,p=1$c2FsdHNhbHQ$aGFzaA", "$argon2id$v=7$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA"}) {
            assertThat(nativeEncoder.matches(PASSWORD, malformed)).as(malformed).isFalse();
            assertThat(nativeEncoder.upgradeEncoding(malformed)).as(malformed).isFalse();
        }
    }
}
