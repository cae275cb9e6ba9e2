package gov.etax.identity.query.security;

import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.logIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.query.QuerySideApplication;
import gov.etax.identity.query.support.QuerySideNode;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The query side checks person session tokens with the command side's published keys. When it cannot
 * reach them the caller is told to come back (503), not blamed (401) nor shown a 500; without any
 * address for them the node does not start.
 */
class SessionKeysTest {

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode queryNode;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        database = PostgresTestDatabase.create();
        commandNode = CommandSideNode.start(database);
        String phone = phone();
        assertThat(register(commandNode.http(), residentIdNumber(), phone).status()).isEqualTo(201);
        token = logIn(commandNode.http(), phone, "Secret#2024");
        queryNode = QuerySideNode.start(database, new HttpJson("http://127.0.0.1:" + unusedPort()));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(queryNode, commandNode, database);
    }

    @Test
    @DisplayName("Unreachable key set: a valid session token gets 503 SESSION_KEYS_UNAVAILABLE as problem+json")
    void unreachableKeys() {
        HttpJson.Response response = queryNode.http().as(token).get("/api/me/account");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo("SESSION_KEYS_UNAVAILABLE");
        assertThat(response.text("message_zh")).isNotBlank();
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    @DisplayName("Unreachable key set: a caller without a token is still told to log in (401)")
    void anonymousStillUnauthenticated() {
        HttpJson.Response response = queryNode.http().get("/api/me/account");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    @DisplayName("No key set address: the query side refuses to start and names the setting")
    void missingKeySetAddress() {
        assertThatThrownBy(() -> QuerySideApplication.builder()
                .run(database.commandLine("etax.security.session-jwks-uri=")).close())
                .hasStackTraceContaining("ETAX_SESSION_JWKS_URI");
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
