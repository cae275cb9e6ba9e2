package gov.etax.identity.command.person.offline;

import static gov.etax.identity.command.support.Registrations.application;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.withSmsCode;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.StoredEvents;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Offline real-name collections recorded by tax authority staff, over real HTTP on PostgreSQL (REG-3). */
class OfflineCollectionHttpTest extends CommandSideHttpTest {

    private static final String HALL = "南昌市东湖区税务局第一税务分局办税服务厅";


    @BeforeAll
    static void start() {
        startCommandSide(null);
    }

    private static Map<String, Object> collection(String documentType, String documentNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("documentType", documentType);
        body.put("documentNumber", documentNumber);
        body.put("name", "John Smith");
        body.put("hall", HALL);
        return body;
    }

    private static HttpJson.Response collect(String token, Map<String, Object> body) {
        return http.as(token).post("/api/tax-authority/offline-collections", body);
    }

    private static Map<String, Object> registration(String documentType, String documentNumber) {
        Map<String, Object> body = application(documentNumber, phone(), faceToken(http, documentType, documentNumber, "PASSED"));
        body.put("documentType", documentType);
        body.put("name", "John Smith");
        return body;
    }

    @Test
    @DisplayName("REG-3: a foreign passport is refused online (422) until staff record an offline collection; then it registers")
    void collectionOpensOnlineRegistration() {
        String passport = "P" + phone().substring(3);
        Map<String, Object> registration = registration("FOREIGN_PASSPORT", passport);
        HttpJson.Response refused = http.post("/api/persons/registrations", registration);
        assertProblem(refused, 422, "DOCUMENT_TYPE_NEEDS_OFFLINE_COLLECTION", "REG-3");
        assertThat(refused.text("message_zh")).contains("办税服务场所采集实名信息");

        HttpJson.Response collected = collect(staffToken(http, "TAX_STAFF"), collection("FOREIGN_PASSPORT", passport));
        assertThat(collected.status()).as(collected.raw()).isEqualTo(201);
        String collectionId = collected.text("collectionId");
        assertThat(collectionId).startsWith("offline-collection-");
        assertThat(collected.text("documentType")).isEqualTo("FOREIGN_PASSPORT");
        assertThat(collected.text("documentNumberMasked")).isEqualTo(new DocumentNumber(DocumentType.FOREIGN_PASSPORT, passport).masked());
        assertThat(collected.text("collectedBy")).isEqualTo("staff-tax_staff");

        // The refusal came before the one-time face token was spent, so the same request now succeeds.
        assertThat(http.post("/api/persons/registrations", withSmsCode(http, registration)).status()).isEqualTo(201);

        String hash = node.bean(LookupHash.class).of(new DocumentNumber(DocumentType.FOREIGN_PASSPORT, passport));
        assertThat(row("SELECT collected_by || '|' || collection_id || '|' || hall FROM offline_collection WHERE document_hash = ?", hash))
                .isEqualTo("staff-tax_staff|" + collectionId + "|" + HALL);
        assertThat(StoredEvents.types(database, collectionId)).containsExactly("OfflineRealNameCollected");
        assertThat(StoredEvents.payloads(database, collectionId).get(0))
                .contains("\"documentType\":\"FOREIGN_PASSPORT\"", "\"collectedBy\":\"staff-tax_staff\"", HALL,
                        "\"documentNumber\":{\"ciphertext\":", "\"name\":{\"ciphertext\":")
                .doesNotContain(passport, "John Smith");
        assertThat(row("SELECT COUNT(*) FROM personal_data_key WHERE subject_id = ?", collectionId)).isEqualTo("1");
    }

    @Test
    @DisplayName("REG-3: a foreigner's work permit (C) collected twice: both collections are in the history, the gate row names the latest")
    void collectedTwice() {
        String permit = "C" + phone().substring(3);
        String staff = staffToken(http, "TAX_STAFF");
        String first = collect(staff, collection("FOREIGNER_WORK_PERMIT_C", permit)).text("collectionId");
        HttpJson.Response again = collect(staff, collection("foreigner_work_permit_c", permit));
        assertThat(again.status()).isEqualTo(201);
        String second = again.text("collectionId");
        assertThat(second).isNotEqualTo(first);

        String hash = node.bean(LookupHash.class).of(new DocumentNumber(DocumentType.FOREIGNER_WORK_PERMIT_C, permit));
        assertThat(row("SELECT collection_id FROM offline_collection WHERE document_hash = ?", hash)).isEqualTo(second);
        assertThat(StoredEvents.types(database, first)).containsExactly("OfflineRealNameCollected");
        assertThat(StoredEvents.types(database, second)).containsExactly("OfflineRealNameCollected");
        assertThat(http.post("/api/persons/registrations", withSmsCode(http, registration("FOREIGNER_WORK_PERMIT_C", permit))).status())
                .isEqualTo(201);
    }

    @Test
    @DisplayName("REG-3: only tax authority staff record collections: no token 401, a person's token 403, an auditor's 403")
    void onlyTaxStaff() {
        Map<String, Object> body = collection("FOREIGN_PASSPORT", "P" + phone().substring(3));
        assertProblem(http.post("/api/tax-authority/offline-collections", body), 401, "AUTHENTICATION_REQUIRED", null);

        String phone = phone();
        assertThat(register(http, residentIdNumber(), phone).status()).isEqualTo(201);
        assertProblem(collect(logIn(http, phone, "Secret#2024"), body), 403, "ACCESS_DENIED", null);
        assertProblem(collect(staffToken(http, "AUDITOR"), body), 403, "ACCESS_DENIED", null);
        assertThat(StoredEvents.ofType(database, "OfflineRealNameCollected")).noneSatisfy(event ->
                assertThat(event).contains("staff-auditor"));
    }

    @Test
    @DisplayName("REG-3: invalid input stores nothing: unknown document type, bad number, no name, no hall are 400s")
    void invalidInput() {
        String staff = staffToken(http, "TAX_STAFF");
        int before = StoredEvents.ofType(database, "OfflineRealNameCollected").size();

        assertProblem(collect(staff, collection("LIBRARY_CARD", "X1234567")), 400, "INVALID_DOCUMENT_TYPE", "REG-3");
        assertProblem(collect(staff, collection("FOREIGN_PASSPORT", "x")), 400, "INVALID_DOCUMENT_NUMBER", "REG-2");
        Map<String, Object> noName = collection("FOREIGN_PASSPORT", "X1234567");
        noName.remove("name");
        assertProblem(collect(staff, noName), 400, "INVALID_NAME", "REG-2");
        Map<String, Object> noHall = collection("FOREIGN_PASSPORT", "X1234567");
        noHall.put("hall", " ");
        HttpJson.Response refused = collect(staff, noHall);
        assertProblem(refused, 400, "INVALID_SERVICE_HALL", "REG-3");
        assertThat(refused.text("message_zh")).isEqualTo("请填写采集实名信息的办税服务场所");

        assertThat(StoredEvents.ofType(database, "OfflineRealNameCollected")).hasSize(before);
    }

    private static String row(String sql, String parameter) {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            assertThat(rows).as(sql).hasSize(1);
            return rows.get(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertProblem(HttpJson.Response response, int status, String code, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("message")).isNotBlank();
        assertThat(response.text("rule")).isEqualTo(rule);
    }
}
