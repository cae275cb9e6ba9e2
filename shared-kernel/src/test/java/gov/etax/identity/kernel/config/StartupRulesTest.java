package gov.etax.identity.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.kernel.config.StartupRules.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupRulesTest {

    private static final List<Setting> REQUIRED = List.of(
            Setting.secret("etax.privacy.master-key", "ETAX_MASTER_KEY"),
            Setting.of("etax.outside.sms-gateway.url", "ETAX_SMS_GATEWAY_URL"));

    /** The master key that once stood in the dev configuration file. */
    private static final String PUBLISHED_MASTER_KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS0wMTIzNDU2Nzg5YWI=";

    @TempDir
    Path directory;

    @Test
    @DisplayName("Without dev, every missing production setting is named by its environment variable")
    void missingSettingsNamed() {
        assertThatThrownBy(() -> StartupRules.check(Set.of("default"), name -> null, REQUIRED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ETAX_MASTER_KEY (etax.privacy.master-key)")
                .hasMessageContaining("ETAX_SMS_GATEWAY_URL")
                .hasMessageContaining("--spring.profiles.active=dev");
    }

    @Test
    @DisplayName("prod alone with every setting present starts and adds nothing")
    void productionComplete() {
        Map<String, String> settings = Map.of("etax.privacy.master-key", "bmV3LWtleQ==",
                "etax.outside.sms-gateway.url", "https://sms.example");

        assertThat(StartupRules.check(Set.of("prod"), settings::get, REQUIRED)).isEmpty();
    }

    @Test
    @DisplayName("A key once published in source control is refused in production, PEM armour or not")
    void publishedKeyRefused() {
        Map<String, String> settings = Map.of("etax.privacy.master-key", "\n" + PUBLISHED_MASTER_KEY + "\n",
                "etax.outside.sms-gateway.url", "https://sms.example");

        assertThatThrownBy(() -> StartupRules.check(Set.of(), settings::get, REQUIRED))
                .hasMessageContaining("published development key in ETAX_MASTER_KEY");
    }

    @Test
    @DisplayName("dev and prod together are refused")
    void devWithProdRefused() {
        assertThatThrownBy(() -> StartupRules.check(Set.of("dev", "prod"), name -> null, REQUIRED))
                .hasMessageContaining("The dev and prod profiles exclude each other");
    }

    @Test
    @DisplayName("dev makes its keys once and hands every later start the same ones, readable by the owner only")
    void devKeysMadeOnceAndKept() throws Exception {
        Map<String, String> settings = Map.of(StartupRules.DEV_KEY_DIR, directory.toString());

        Map<String, String> first = StartupRules.check(Set.of("dev"), settings::get, REQUIRED).orElseThrow();
        Map<String, String> again = StartupRules.check(Set.of("dev"), settings::get, REQUIRED).orElseThrow();

        assertThat(first).containsOnlyKeys("etax.dev.keys.master-key", "etax.dev.keys.lookup-key",
                "etax.dev.keys.session-signing-key", "etax.dev.keys.staff-signing-key", "etax.dev.keys.staff-public-key");
        assertThat(again).isEqualTo(first);
        assertThat(first.get("etax.dev.keys.master-key")).isNotEqualTo(first.get("etax.dev.keys.lookup-key"));
        Path file = directory.resolve(DevKeyRing.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    @DisplayName("Starts racing for a new key ring all end up with one and the same")
    void racingStartsAgree() throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Map<String, String>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> DevKeyRing.loadOrCreate(directory));
            }
            List<Map<String, String>> rings = new ArrayList<>();
            for (Future<Map<String, String>> ring : starts.invokeAll(calls)) {
                rings.add(ring.get());
            }
            assertThat(rings.get(0)).isNotEmpty();
            assertThat(rings).allMatch(ring -> ring.equals(rings.get(0)));
        } finally {
            starts.shutdownNow();
        }
    }
}
