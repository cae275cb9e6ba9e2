package gov.etax.identity.command.specialsubject;

import static gov.etax.identity.command.support.Problems.assertProblem;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.etax.identity.command.authorization.JdbcAuthorizationLookUps;
import gov.etax.identity.command.authorization.Relationships.ActiveRelationship;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The special-subject entry (特定主体) and cross-region matters, over real HTTP (LOGIN-6). */
class SpecialSubjectHttpTest extends CommandSideHttpTest {

    private static final String MATTER = "36010018202311160001";
    private static final String AUTHORITY = "13601000000";

    private static String enterprise;
    private static Person legalRepresentative;
    private static Person handler;
    private static Person sameNameOtherPhone;
    private static Person invoicingOfficer;

    record Person(String document, String phone) {
    }

    @BeforeAll
    static void start() {
        startCommandSide(null);
        enterprise = uscc();
        // Every test person is registered as 王小明: only the phone tells the handler apart.
        legalRepresentative = registered();
        handler = registered();
        sameNameOtherPhone = registered();
        invoicingOfficer = registered();
        relate(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE);
        relate(invoicingOfficer, RelationshipRole.INVOICING_OFFICER);
        HttpJson.Response recorded = http.as(staffToken(http, "TAX_STAFF")).post("/api/tax-authority/cross-region-matters",
                Map.of("matterNumber", MATTER, "uscc", enterprise, "projectName", "赣江大桥项目",
                        "competentAuthority", AUTHORITY, "handlerName", "王小明", "handlerPhone", handler.phone()));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
    }

    @Test
    @DisplayName("LOGIN-6: the legal representative and the handler (name and phone) find the matter by its last 4 digits")
    void entitledPersonsFindTheMatter() {
        JsonNode asLegalRepresentative = find(specialSubjectSession(legalRepresentative), "0001");
        assertThat(asLegalRepresentative).hasSize(1);
        assertThat(asLegalRepresentative.get(0).get("matterNumber").asText()).isEqualTo(MATTER);
        assertThat(asLegalRepresentative.get(0).get("visibleAs").asText()).isEqualTo("LEGAL_REPRESENTATIVE");

        JsonNode asHandler = find(specialSubjectSession(handler), "0001");
        assertThat(asHandler).hasSize(1);
        assertThat(asHandler.get(0).get("visibleAs").asText()).isEqualTo("HANDLER");
    }

    @Test
    @DisplayName("LOGIN-6: same name with another phone, an invoicing officer, or anyone else sees nothing")
    void othersSeeNothing() {
        assertThat(find(specialSubjectSession(sameNameOtherPhone), "0001")).isEmpty();
        assertThat(find(specialSubjectSession(invoicingOfficer), "0001")).isEmpty();
    }

    @Test
    @DisplayName("LOGIN-6: fewer than 4 characters, or a session not opened at the special-subject entry, is refused")
    void refusals() {
        String session = specialSubjectSession(legalRepresentative);
        assertProblem(http.as(session).get("/api/special-subject/matters?numberEndsWith=001"), 400,
                "MATTER_FRAGMENT_TOO_SHORT", "LOGIN-6", "请输入跨区域涉税事项管理编号后4位");
        String naturalPersonSession = logIn(http, legalRepresentative.phone(), "Secret#2024");
        assertProblem(http.as(naturalPersonSession).get("/api/special-subject/matters?numberEndsWith=0001"), 403,
                "SPECIAL_SUBJECT_SESSION_REQUIRED", "LOGIN-6", null);
        assertProblem(http.as(staffToken(http, "TAX_STAFF")).post("/api/tax-authority/cross-region-matters",
                Map.of("matterNumber", MATTER, "uscc", enterprise, "competentAuthority", AUTHORITY,
                        "handlerName", "李四", "handlerPhone", phone())), 409, "MATTER_ALREADY_RECORDED", "LOGIN-6", null);
    }

    @Test
    @DisplayName("LOGIN-6: an entitled person switches the competent authority of the project; others cannot")
    void switchCompetentAuthority() {
        HttpJson.Response refused = http.as(specialSubjectSession(sameNameOtherPhone))
                .post("/api/special-subject/matters/" + MATTER + "/competent-authority", Map.of("competentAuthority", "13601020000"));
        assertProblem(refused, 404, "MATTER_NOT_FOUND", "LOGIN-6", null);

        HttpJson.Response switched = http.as(specialSubjectSession(handler))
                .post("/api/special-subject/matters/" + MATTER + "/competent-authority", Map.of("competentAuthority", "13601020000"));
        assertThat(switched.status()).as(switched.raw()).isEqualTo(200);
        assertThat(switched.text("competentAuthority")).isEqualTo("13601020000");
        assertThat(find(specialSubjectSession(legalRepresentative), MATTER).get(0).get("competentAuthority").asText())
                .isEqualTo("13601020000");
        assertThat(http.as(specialSubjectSession(handler))
                .post("/api/special-subject/matters/" + MATTER + "/competent-authority", Map.of("competentAuthority", AUTHORITY))
                .status()).isEqualTo(200);
    }

    private static JsonNode find(String session, String fragment) {
        HttpJson.Response found = http.as(session).get("/api/special-subject/matters?numberEndsWith=" + fragment);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        return found.body();
    }

    private static String specialSubjectSession(Person person) {
        Map<String, Object> body = byDocument(person.document(), "Secret#2024");
        body.put("entry", "SPECIAL_SUBJECT");
        body.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        HttpJson.Response session = http.post("/api/sessions", body);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        assertThat(session.text("entry")).isEqualTo("SPECIAL_SUBJECT");
        return session.text("accessToken");
    }

    private static Person registered() {
        Person person = new Person(residentIdNumber(), phone());
        assertThat(register(http, person.document(), person.phone()).status()).isEqualTo(201);
        return person;
    }

    private static void relate(Person person, RelationshipRole role) {
        node.bean(JdbcAuthorizationLookUps.class).bind(new ActiveRelationship(AuthorizationId.generate(), EnterpriseId.generate(),
                new Uscc(enterprise), role, null, Set.of(), null),
                new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, person.document()));
    }
}
