package gov.etax.identity.command.person.registration;

import static gov.etax.identity.command.support.Registrations.application;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.withSmsCode;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.EventLog;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.command.support.SignIns;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the bureau's FAQ promises for registration (一.5, 一.6), over real HTTP on PostgreSQL. */
class RegistrationFaqHttpTest extends CommandSideHttpTest {

    private static final String REGISTRATIONS = "/api/persons/registrations";

    private static HttpJson staff;

    @BeforeAll
    static void start() {
        startCommandSide(MutableClock.tomorrowMorningInChina());
        staff = http.as(staffToken(http, "TAX_STAFF"));
    }

    private static String collectAtHall(String documentType, String documentNumber, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentType", documentType);
        body.put("documentNumber", documentNumber);
        body.put("name", name);
        body.put("hall", "南昌市税务局第一办税服务厅");
        HttpJson.Response collected = staff.post("/api/tax-authority/offline-collections", body);
        assertThat(collected.status()).as(collected.raw()).isEqualTo(201);
        return collected.text("collectionId");
    }

    @Test
    @DisplayName("REG-4: after a failed face scan, a real-name collection at the hall stands in for the scan; the event says so")
    void hallCollectionAfterFailedScan() {
        String document = residentIdNumber();
        Map<String, Object> body = application(document, phone(), faceToken(http, "RESIDENT_IDENTITY_CARD", document, "FAILED"));
        body.put("name", "John Smith");
        HttpJson.Response failed = http.post(REGISTRATIONS, body);
        RegistrationHttpTest.assertProblem(failed, 422, "FACE_VERIFICATION_FAILED", "REG-4");
        // The FAQ's words (一.6), all three pieces of advice.
        assertThat(failed.text("message_zh")).contains("环境光线较暗", "按照提示做明显动作，以便系统判断", "前往线下办税服务大厅进行实名信息采集");

        String collectionId = collectAtHall("RESIDENT_IDENTITY_CARD", document, "John Smith");
        body.remove("faceVerificationToken");
        body.put("smsCode", hallCode("RESIDENT_IDENTITY_CARD", document, "John Smith", (String) body.get("phone")));
        HttpJson.Response registered = http.post(REGISTRATIONS, body);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);

        String event = EventLog.last(database, registered.text("personId"), "NaturalPersonRegistered");
        assertThat(event).contains("\"verifiedBy\":\"HALL_COLLECTION\"", "\"offlineCollectionId\":\"" + collectionId + "\"",
                "\"realNameLevel\":\"LEVEL_4\"");
    }

    @Test
    @DisplayName("REG-2: a registration with a passed face scan records that it rests on the scan")
    void faceScanIsRecorded() {
        String document = residentIdNumber();
        HttpJson.Response registered = http.post(REGISTRATIONS,
                withSmsCode(http, application(document, phone(), faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"))));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(EventLog.last(database, registered.text("personId"), "NaturalPersonRegistered"))
                .contains("\"verifiedBy\":\"FACE_SCAN\"", "\"faceVerificationId\":\"");
    }

    @Test
    @DisplayName("REG-3: the hall collection names the person; registering online under another name is a 422")
    void hallCollectionNamesThePerson() {
        String passport = "P" + phone().substring(3);
        collectAtHall("FOREIGN_PASSPORT", passport, "John Smith");
        Map<String, Object> body = application(passport, phone(), null);
        body.put("documentType", "FOREIGN_PASSPORT");
        body.remove("faceVerificationToken");
        body.put("name", "Other Name");
        HttpJson.Response refused = http.post(REGISTRATIONS, body);
        RegistrationHttpTest.assertProblem(refused, 422, "NAME_DIFFERS_FROM_HALL_COLLECTION", "REG-3");
        assertThat(refused.text("message_zh")).isEqualTo("注册姓名与办税服务场所采集的实名信息不一致");

        // REG-2: the dot typed another way is the same name.
        body.put("name", "John•Smith");
        collectAtHall("FOREIGN_PASSPORT", passport, "John·Smith");
        body.put("smsCode", hallCode("FOREIGN_PASSPORT", passport, "John•Smith", (String) body.get("phone")));
        assertThat(http.post(REGISTRATIONS, body).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("REG-2: names and document numbers as typed (look-alike dots, spaces, full-width characters, lowercase x) match the register's form")
    void inputAsTyped() {
        String document = documentEndingInX();
        http.post("/api/dev/identity-register",
                Map.of("documentType", "RESIDENT_IDENTITY_CARD", "documentNumber", document, "name", "买买提·艾力"));
        String typed = fullWidth(document.substring(0, 6)) + " " + document.substring(6, 14) + "\u3000"
                + document.substring(14).toLowerCase();
        String token = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED");
        Map<String, Object> body = withSmsCode(http, application(typed, phone(), token));
        body.put("name", "买买提・艾力");
        HttpJson.Response registered = http.post(REGISTRATIONS, body);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);

        // Stored in the register's form: the same document typed plainly is the same, taken one.
        String other = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED");
        RegistrationHttpTest.assertProblem(http.post(REGISTRATIONS, application(document, phone(), other)),
                409, "DOCUMENT_ALREADY_REGISTERED", "REG-2");
    }

    @Test
    @DisplayName("PWD-2: a migrated person's initial password ending in x works typed in lowercase")
    void initialPasswordWithLowercaseX() {
        String document = documentEndingInX();
        importWithoutPhones(document, "赵六");

        String initial = document.substring(12);
        assertThat(initial).endsWith("X");
        Map<String, Object> login = byDocument(document.toLowerCase(), initial.toLowerCase());
        login.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        HttpJson.Response session = http.post("/api/sessions", login);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        assertThat(session.body().get("passwordChangeRequired").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("REG-2: a double click (two identical registrations at once) is one registration; both answer 201 with the same person")
    void doubleClickAtOnce() throws Exception {
        String document = residentIdNumber();
        Map<String, Object> body = withSmsCode(http,
                application(document, phone(), faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED")));
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        try {
            Future<HttpJson.Response> first = clicks.submit(() -> http.post(REGISTRATIONS, body));
            Future<HttpJson.Response> second = clicks.submit(() -> http.post(REGISTRATIONS, body));
            HttpJson.Response a = first.get(60, TimeUnit.SECONDS);
            HttpJson.Response b = second.get(60, TimeUnit.SECONDS);
            assertThat(a.status()).as(a.raw()).isEqualTo(201);
            assertThat(b.status()).as(b.raw()).isEqualTo(201);
            assertThat(b.text("personId")).isEqualTo(a.text("personId"));
            assertThat(List.of(a.headers().firstValue("Idempotent-Replayed").orElseThrow(),
                    b.headers().firstValue("Idempotent-Replayed").orElseThrow())).containsExactlyInAnyOrder("false", "true");
            assertThat(EventLog.types(database, a.text("personId"))).containsExactly("NaturalPersonRegistered");
        } finally {
            clicks.shutdownNow();
        }
    }

    @Test
    @DisplayName("REG-2: the same registration sent again later answers like the first: 201, the same person, no second event")
    void sameBodyAgain() throws SQLException {
        String document = residentIdNumber();
        String phone = phone();
        Map<String, Object> body = withSmsCode(http,
                application(document, phone, faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED")));
        HttpJson.Response first = http.post(REGISTRATIONS, body);
        HttpJson.Response again = http.post(REGISTRATIONS, body);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(again.text("personId")).isEqualTo(first.text("personId"));
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(EventLog.types(database, first.text("personId"))).containsExactly("NaturalPersonRegistered");

        // Nothing personal or secret in clear where requests are remembered.
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM registration_request")) {
            StringBuilder stored = new StringBuilder();
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    stored.append(rows.getString(column)).append('|');
                }
            }
            assertThat(stored.toString()).contains(first.text("personId"))
                    .doesNotContain(document, phone, "Secret#2024", "王小明", (String) body.get("faceVerificationToken"));
        }
    }

    @Test
    @DisplayName("REG-2: an Idempotency-Key decides what a repeat is; the same key with another body is a 422")
    void idempotencyKey() {
        String document = residentIdNumber();
        Map<String, Object> body = withSmsCode(http,
                application(document, phone(), faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED")));
        String key = "reg-" + document;
        HttpJson.Response first = http.post(REGISTRATIONS, body, "Idempotency-Key", key);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        HttpJson.Response again = http.post(REGISTRATIONS, body, "Idempotency-Key", key);
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(again.text("personId")).isEqualTo(first.text("personId"));

        Map<String, Object> other = new LinkedHashMap<>(body);
        other.put("username", "Other" + document.substring(10));
        RegistrationHttpTest.assertProblem(http.post(REGISTRATIONS, other, "Idempotency-Key", key),
                422, "IDEMPOTENCY_KEY_REUSED", null);
        RegistrationHttpTest.assertProblem(http.post(REGISTRATIONS, other, "Idempotency-Key", "with space"),
                400, "INVALID_IDEMPOTENCY_KEY", null);

        // A refused request is not remembered: corrected and sent again under the same key, it registers.
        String next = residentIdNumber();
        String nextKey = "reg-" + next;
        Map<String, Object> weak = withSmsCode(http, application(next, phone(), faceToken(http, "RESIDENT_IDENTITY_CARD", next, "PASSED")));
        weak.put("password", "weak");
        RegistrationHttpTest.assertProblem(http.post(REGISTRATIONS, weak, "Idempotency-Key", nextKey), 400, "PASSWORD_TOO_WEAK", "REG-2");
        weak.put("password", "Secret#2024");
        assertThat(http.post(REGISTRATIONS, weak, "Idempotency-Key", nextKey).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("LOGIN-2, REG-7: registration binds only a phone proven by the code sent to it; the code is asked with the face scan")
    void phoneProof() {
        String document = residentIdNumber();
        String phone = phone();
        String token = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED");
        Map<String, Object> body = application(document, phone, token);
        // A stranger typing somebody's number has no code.
        RegistrationHttpTest.assertProblem(http.post(REGISTRATIONS, body), 422, "PHONE_PROOF_REQUIRED", "LOGIN-2");
        body.put("smsCode", "000000");
        HttpJson.Response wrong = http.post(REGISTRATIONS, body);
        RegistrationHttpTest.assertProblem(wrong, 422, "PHONE_PROOF_INVALID", "LOGIN-2");
        assertThat(wrong.text("smsCodeCheck")).isEqualTo("NO_CODE");
        // Nobody is made to text a number for free: no session, no passed scan, no hall collection, no code.
        RegistrationHttpTest.assertProblem(http.post("/api/sms-challenges", Map.of("phone", phone, "purpose", "REGISTRATION")),
                401, "PHONE_BINDING_NEEDS_SIGN_IN", "LOGIN-2");

        // The refusals above spent neither the face scan nor anything else: with the code it registers.
        withSmsCode(http, body);
        assertThat(http.get("/api/dev/sms?phone=" + phone).raw()).contains("用于注册");
        HttpJson.Response registered = http.post(REGISTRATIONS, body);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);

        // LOGIN-2: a bound number gets no registration code at all.
        String other = residentIdNumber();
        RegistrationHttpTest.assertProblem(http.post("/api/sms-challenges", Map.of("phone", phone, "purpose", "REGISTRATION",
                        "faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", other, "PASSED"))),
                409, "PHONE_ALREADY_BOUND", "LOGIN-2");
    }

    @Test
    @DisplayName("LOGIN-3, LOGIN-2: 找回手机号码 takes a number bound to somebody else back for the person who holds it now, "
            + "proven by its code and their own face scan")
    void phoneTakenBackByItsHolder() {
        // A number bound to somebody else: registered before the code was asked, or passed on by the operator since.
        Registrations.Registered formerHolder = Registrations.registered(http);
        String phone = formerHolder.phone();
        String owner = residentIdNumber();
        importWithoutPhones(owner, "钱七");

        Map<String, Object> recovery = new LinkedHashMap<>();
        recovery.put("documentType", "RESIDENT_IDENTITY_CARD");
        recovery.put("documentNumber", owner);
        recovery.put("phone", phone);
        recovery.put("smsCode", "000000");
        recovery.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", owner, "PASSED"));
        // Without the code sent to the number, nothing moves.
        RegistrationHttpTest.assertProblem(http.post("/api/phone-recoveries", recovery), 422, "SMS_CODE_INVALID", "LOGIN-2");
        assertThat(EventLog.types(database, formerHolder.personId())).doesNotContain("PhoneUnbound");

        String face = faceToken(http, "RESIDENT_IDENTITY_CARD", owner, "PASSED");
        recovery.put("smsCode", SignIns.bindingCode(http, phone, face));
        recovery.put("faceVerificationToken", face);
        HttpJson.Response recovered = http.post("/api/phone-recoveries", recovery);
        assertThat(recovered.status()).as(recovered.raw()).isEqualTo(201);
        assertThat(EventLog.last(database, formerHolder.personId(), "PhoneUnbound")).contains("\"cause\":\"RECLAIMED\"");

        // The number now signs the owner in; the former holder keeps their account, signing in by document.
        Map<String, Object> byPhone = SignIns.byPhone(phone, "Secret#2024");
        byPhone.put("smsCode", SignIns.smsCode(http, phone, "LOGIN"));
        RegistrationHttpTest.assertProblem(http.post("/api/sessions", byPhone), 401, "WRONG_CREDENTIALS", "PWD-5");
        Map<String, Object> byDocument = byDocument(formerHolder.document(), "Secret#2024");
        byDocument.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", formerHolder.document(), "PASSED"));
        HttpJson.Response session = http.post("/api/sessions", byDocument);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
    }

    /** REG-4: a REGISTRATION code asked for with the hall collection instead of a face scan. */
    private static String hallCode(String documentType, String documentNumber, String name, String phone) {
        HttpJson.Response sent = http.post("/api/sms-challenges", Map.of("phone", phone, "purpose", "REGISTRATION",
                "documentType", documentType, "documentNumber", documentNumber, "name", name));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
        return SignIns.lastCode(http, phone);
    }

    /** REG-5: a person from a province's data, holding no phone, with the initial password (PWD-2). */
    private static void importWithoutPhones(String document, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("documentType", "RESIDENT_IDENTITY_CARD");
        row.put("documentNumber", document);
        row.put("name", name);
        row.put("phones", List.of());
        row.put("province", "360000");
        HttpJson.Response imported = staff.post("/api/tax-authority/person-imports", List.of(row));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
    }

    private static String documentEndingInX() {
        String document = residentIdNumber();
        while (!document.endsWith("X")) {
            document = residentIdNumber();
        }
        return document;
    }

    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.appendCodePoint(c + 0xFEE0));
        return out.toString();
    }
}
