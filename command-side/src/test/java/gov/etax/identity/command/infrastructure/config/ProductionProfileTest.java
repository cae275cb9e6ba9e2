package gov.etax.identity.command.infrastructure.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import gov.etax.identity.command.CommandSideApplication;
import gov.etax.identity.command.verification.http.HttpFaceVerification;
import gov.etax.identity.command.verification.http.HttpIdentityRegister;
import gov.etax.identity.command.verification.http.HttpSmsGateway;
import gov.etax.identity.command.simulator.DevelopmentSimulator;
import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.command.support.ProductionSettings;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.IdentityRegister;
import gov.etax.identity.command.verification.SmsGateway;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side without a profile: production rules. It refuses to start without its keys and
 * outside services, naming each missing setting; with them (the services a stub server) it starts
 * with the HTTP adapters and none of the dev simulators, and an outside service that is down
 * answers 503 with Retry-After.
 */
class ProductionProfileTest {

    private static final String DOCUMENT = "11010519491231002X";
    private static final String PHONE = "13812345678";

    private static PostgresTestDatabase database;
    private static WireMockServer outside;
    private static ProductionSettings settings;
    private static ConfigurableApplicationContext context;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        outside = new WireMockServer(options().dynamicPort());
        outside.start();
        settings = ProductionSettings.fresh();
        List<String> properties = settings.commandSide(outside.baseUrl(), "max-attempts=2", "backoff=10ms");
        context = CommandSideApplication.builder().run(database.productionCommandLine(properties.toArray(String[]::new)));
        http = new HttpJson("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(context, outside == null ? null : outside::stop, database);
    }

    @Test
    @DisplayName("No profile and no keys: the start is refused, naming each missing setting")
    void refusesWithoutSettings() {
        assertThatThrownBy(() -> CommandSideApplication.builder().run(database.productionCommandLine()).close())
                .hasStackTraceContaining("Production rules apply (no dev profile active)")
                .hasStackTraceContaining("ETAX_MASTER_KEY (etax.privacy.master-key)")
                .hasStackTraceContaining("ETAX_SESSION_SIGNING_KEY")
                .hasStackTraceContaining("ETAX_FACE_VERIFICATION_URL")
                .hasStackTraceContaining("ETAX_SMS_GATEWAY_URL")
                .hasStackTraceContaining("ETAX_IDENTITY_REGISTER_URL");
    }

    @Test
    @DisplayName("No profile with the master key that once stood in the dev configuration: refused")
    void refusesPublishedKey() {
        List<String> properties = settings.commandSideKeys();
        properties.removeIf(property -> property.startsWith("etax.privacy.master-key="));
        properties.add("etax.privacy.master-key=ZGV2LW9ubHktbWFzdGVyLWtleS0wMTIzNDU2Nzg5YWI=");
        properties.add("etax.outside.face-verification.url=" + outside.baseUrl());

        assertThatThrownBy(() -> CommandSideApplication.builder()
                .run(database.productionCommandLine(properties.toArray(String[]::new))).close())
                .hasStackTraceContaining("published development key in ETAX_MASTER_KEY");
    }

    @Test
    @DisplayName("With its settings it starts with the HTTP adapters and without any dev simulator or /api/dev route")
    void startsWithProductionAdapters() {
        assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
        assertThat(context.getBean(FaceVerification.class)).isInstanceOf(HttpFaceVerification.class);
        assertThat(context.getBean(SmsGateway.class)).isInstanceOf(HttpSmsGateway.class);
        assertThat(context.getBean(IdentityRegister.class)).isInstanceOf(HttpIdentityRegister.class);
        assertThat(context.getBeansOfType(DevelopmentSimulator.class)).isEmpty();

        assertThat(http.post("/api/dev/face-scans", Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                "documentNumber", DOCUMENT, "outcome", "PASSED")).status()).isEqualTo(404);
        assertThat(http.post("/api/dev/staff-tokens", Map.of("staffId", "s", "role", "AUDITOR")).status()).isEqualTo(404);
        assertThat(http.get("/api/dev/sms?phone=" + PHONE).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("REG-2, REG-4 through the real adapters: a registration checks face and register over HTTP; "
            + "with the SMS gateway down a code request is 503 with Retry-After")
    void outsideServicesOverHttp() {
        String scan = """
                {"outcome":"PASSED","verificationId":"scan-1","documentType":"RESIDENT_IDENTITY_CARD",
                 "documentNumber":"%s"}""".formatted(DOCUMENT);
        outside.stubFor(post(urlEqualTo("/v1/face-scans/redemptions")).willReturn(okJson(scan)));
        outside.stubFor(post(urlEqualTo("/v1/face-scans/lookups")).willReturn(okJson(scan)));
        outside.stubFor(post(urlEqualTo("/v1/identity-checks")).willReturn(okJson("{\"match\":true}")));
        outside.stubFor(post(urlEqualTo("/v1/messages")).willReturn(okJson("{}")));

        // LOGIN-2: the registration code, as the SMS gateway was asked to deliver it.
        HttpJson.Response sent = http.post("/api/sms-challenges",
                Map.of("phone", PHONE, "purpose", "REGISTRATION", "faceVerificationToken", "token-from-the-tax-app"));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
        Matcher code6 = Pattern.compile("验证码为(\\d{6})").matcher(outside.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals("/v1/messages")).findFirst().orElseThrow()
                .getRequest().getBodyAsString());
        assertThat(code6.find()).isTrue();
        Map<String, Object> application = Registrations.application(DOCUMENT, PHONE, "token-from-the-tax-app");
        application.put("smsCode", code6.group(1));
        HttpJson.Response registered = http.post("/api/persons/registrations", application);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        outside.verify(1, postRequestedFor(urlEqualTo("/v1/identity-checks")));
        outside.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(503)));

        HttpJson.Response code = http.post("/api/sms-challenges", Map.of("phone", PHONE, "purpose", "LOGIN"));
        assertThat(code.status()).as(code.raw()).isEqualTo(503);
        assertThat(code.contentType()).startsWith("application/problem+json");
        assertThat(code.text("code")).isEqualTo("SMS_GATEWAY_UNAVAILABLE");
        assertThat(code.text("message_zh")).isNotBlank();
        assertThat(code.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        outside.verify(3, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    @DisplayName("Actuator: health and prometheus answer; metrics, info and env do not, even for signed-in staff")
    void actuatorExposesHealthAndPrometheusOnly() {
        settings.assertOnlyHealthAndPrometheus(http);
    }
}
