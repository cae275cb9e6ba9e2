package gov.etax.identity.command.person.signin;

import static org.assertj.core.api.Assertions.assertThat;

import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import gov.etax.identity.command.infrastructure.config.BoundedPasswordEncoder;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.command.support.SignIns;
import gov.etax.identity.command.support.StoredEvents;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * LOGIN-1: a password hash written with weaker parameters than today's is written again after a
 * successful login, in the credential table only. The node runs the pure-Java fallback
 * ({@code etax.password-hashing.implementation=java}) and reads hashes the native library wrote.
 */
class PasswordUpgradeHttpTest extends CommandSideHttpTest {

    private static final String PASSWORD = "Secret#2024";

    @BeforeAll
    static void start() {
        startCommandSide(Map.of(), "etax.password-hashing.implementation=java");
    }

    @Test
    @DisplayName("the setting forces the pure-Java Argon2id")
    void javaForced() {
        assertThat(((BoundedPasswordEncoder) node.bean(PasswordEncoder.class)).delegate())
                .isInstanceOf(Argon2PasswordEncoder.class);
    }

    @Test
    @DisplayName("LOGIN-1: a 16 MiB hash verifies, is replaced by a 19 MiB one after the login, and no event holds either")
    void weakHashUpgradedOnLogin() throws SQLException {
        String phone = Registrations.phone();
        String personId = Registrations.register(http, Registrations.residentIdNumber(), phone).text("personId");
        String weak = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
        setHash(personId, weak);
        String changedAt = column(personId, "changed_at");

        HttpJson.Response wrong = logIn(phone, "Wrong#2024");
        assertThat(wrong.status()).as(wrong.raw()).isEqualTo(401);
        assertThat(column(personId, "password_hash")).isEqualTo(weak);

        assertThat(logIn(phone, PASSWORD).status()).isEqualTo(201);
        String upgraded = column(personId, "password_hash");
        assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(column(personId, "changed_at")).isEqualTo(changedAt);
        assertThat(column(personId, "must_change")).isEqualTo("false");

        assertThat(logIn(phone, PASSWORD).status()).isEqualTo(201);
        assertThat(column(personId, "password_hash")).isEqualTo(upgraded);
        assertThat(StoredEvents.payloads(database, personId))
                .noneMatch(event -> event.contains("argon2") || event.contains(PASSWORD));
    }

    @Test
    @DisplayName("LOGIN-1: the pure-Java fallback verifies a hash the native library wrote, and keeps it")
    void fallbackReadsNativeHashes() throws SQLException {
        String phone = Registrations.phone();
        String personId = Registrations.register(http, Registrations.residentIdNumber(), phone).text("personId");
        // libargon2's own PHC encoding, as the C library writes it
        String byNative = Argon2Factory.create(Argon2Types.ARGON2id, 16, 32)
                .hash(2, 19456, 1, PASSWORD.toCharArray(), StandardCharsets.UTF_8);
        assertThat(byNative).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        setHash(personId, byNative);

        assertThat(logIn(phone, PASSWORD).status()).isEqualTo(201);
        assertThat(column(personId, "password_hash")).isEqualTo(byNative);
    }

    private static HttpJson.Response logIn(String phone, String password) {
        Map<String, Object> body = SignIns.byPhone(phone, password);
        body.put("smsCode", SignIns.smsCode(http, phone, "LOGIN"));
        return http.post("/api/sessions", body);
    }

    private static void setHash(String personId, String hash) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE person_credential SET password_hash = ? WHERE person_id = ?")) {
            update.setString(1, hash);
            update.setString(2, personId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String column(String personId, String column) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT " + column + "::text FROM person_credential WHERE person_id = ?")) {
            query.setString(1, personId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
