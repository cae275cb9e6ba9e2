package gov.etax.identity.command.person.realname;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.StoredEvents;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Raising the real-name level over real HTTP on PostgreSQL (REG-5). */
class RealNameHttpTest extends CommandSideHttpTest {

    private static final String PASSWORD = "Secret#2024";


    @BeforeAll
    static void start() {
        startCommandSide(null);
    }

    private static HttpJson.Response raise(String token, String faceVerificationToken) {
        Map<String, Object> body = new HashMap<>();
        body.put("faceVerificationToken", faceVerificationToken);
        return http.as(token).post("/api/me/real-name-level", body);
    }

    @Test
    @DisplayName("REG-2, REG-5: a registered person already has level 4: a face scan raises nothing (200, raised false) and records nothing")
    void registeredPersonIsLevel4() {
        String document = residentIdNumber();
        String phone = phone();
        HttpJson.Response registered = register(http, document, phone);
        String personId = registered.text("personId");
        String token = logIn(http, phone, PASSWORD);

        HttpJson.Response response = raise(token, faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().get("realNameLevel").asInt()).isEqualTo(4);
        assertThat(response.body().get("raised").asBoolean()).isFalse();
        assertThat(StoredEvents.types(database, personId)).doesNotContain("RealNameLevelRaised");
    }

    @Test
    @DisplayName("REG-5: another person's face, no scan, or a used token is refused; a failed scan of one's own face gets REG-4's guidance")
    void faceMustBeOwnAndPassed() {
        String document = residentIdNumber();
        String phone = phone();
        register(http, document, phone);
        String other = residentIdNumber();
        register(http, other, phone());
        String token = logIn(http, phone, PASSWORD);

        HttpJson.Response othersFace = raise(token, faceToken(http, "RESIDENT_IDENTITY_CARD", other, "PASSED"));
        assertProblem(othersFace, 422, "REAL_NAME_FACE_VERIFICATION_REQUIRED", "REG-5");
        assertThat(othersFace.text("message_zh")).contains("扫脸认证").contains("四级");
        assertProblem(raise(token, null), 422, "REAL_NAME_FACE_VERIFICATION_REQUIRED", "REG-5");
        assertProblem(raise(token, "face-token-unknown"), 422, "REAL_NAME_FACE_VERIFICATION_REQUIRED", "REG-5");

        HttpJson.Response failed = raise(token, faceToken(http, "RESIDENT_IDENTITY_CARD", document, "FAILED"));
        assertProblem(failed, 422, "FACE_VERIFICATION_FAILED", "REG-4");
        assertThat(failed.text("message_zh")).contains("光线");
    }

    /**
     * Level-3 persons come from the migration (NaturalPersonMigrated), which is being built beside
     * this slice. Until it exists, this test stores what a migrated person would have: a history at
     * level 3, the document and phone claims and a password hash, in one transaction.
     */
    @Test
    @DisplayName("REG-5: a level-3 person (migrated, no face scan yet) logs in and is raised to level 4 by a face scan of their own document")
    void level3IsRaisedTo4() {
        String document = residentIdNumber();
        PersonId person = level3Person(document);

        Map<String, Object> byFace = byDocument(document, PASSWORD);
        byFace.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        HttpJson.Response session = http.post("/api/sessions", byFace);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        String token = session.text("accessToken");

        HttpJson.Response raised = raise(token, faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        assertThat(raised.status()).as(raised.raw()).isEqualTo(200);
        assertThat(raised.body().get("raised").asBoolean()).isTrue();
        assertThat(raised.body().get("realNameLevel").asInt()).isEqualTo(4);
        assertThat(StoredEvents.types(database, person.value())).endsWith("LoginSucceeded", "RealNameLevelRaised");
        assertThat(StoredEvents.payloads(database, person.value()).get(2))
                .contains("\"from\":\"LEVEL_3\"", "\"to\":\"LEVEL_4\"", "\"faceVerificationId\":\"face-scan-")
                .doesNotContain(document);

        HttpJson.Response again = raise(token, faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        assertThat(again.body().get("raised").asBoolean()).isFalse();
        assertThat(StoredEvents.types(database, person.value())).filteredOn("RealNameLevelRaised"::equals).hasSize(1);
    }

    @Test
    @DisplayName("REG-5: raising the level needs a person's token (401 without)")
    void callers() {
        assertProblem(http.post("/api/me/real-name-level", Map.of("faceVerificationToken", "t")), 401,
                "AUTHENTICATION_REQUIRED", null);
    }

    private static PersonId level3Person(String documentNumber) {
        PersonId person = PersonId.generate();
        DocumentNumber document = new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, documentNumber);
        MobilePhone phone = new MobilePhone(phone());
        new TransactionTemplate(node.bean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            node.bean(CredentialStore.class).store(person,
                    new PasswordHash(node.bean(PasswordEncoder.class).encode(PASSWORD)));
            PersonalDataVault.Sealer sealer = node.bean(PersonalDataVault.class).sealerFor(person);
            NaturalPersonRegistered level3 = new NaturalPersonRegistered(person, document.type(),
                    sealer.seal(document.value()), sealer.seal("李存量"), sealer.seal(phone.value()), null,
                    RealNameLevel.LEVEL_3, null);
            node.bean(EventStore.class).publish(
                    new GenericDomainEventMessage<>("NaturalPerson", person.value(), 0, level3));
        });
        return person;
    }

    static void assertProblem(HttpJson.Response response, int status, String code, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("message")).isNotBlank();
        assertThat(response.text("rule")).isEqualTo(rule);
    }
}
