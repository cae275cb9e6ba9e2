package gov.etax.identity.command.authorization;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;

import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HTTP steps of the enterprise and staff flows, for tests on both sides. */
public final class Staffing {

    public static final String PASSWORD = "Secret#2024";

    private Staffing() {
    }

    public record Person(String personId, String document, String phone) {
    }

    /** A registered person (REG-2). */
    public static Person registered(HttpJson http) {
        String document = residentIdNumber();
        String phone = phone();
        HttpJson.Response response = register(http, document, phone);
        if (response.status() != 201) {
            throw new IllegalStateException("registration answered " + response.status() + ": " + response.raw());
        }
        return new Person(response.text("personId"), document, phone);
    }

    /** Someone known by document only, not registered (yet). */
    public static Person unregistered() {
        return new Person(null, residentIdNumber(), phone());
    }

    /** Logs in by document with password and a face scan (LOGIN-5): a session opened by face verification. */
    public static HttpJson.Response logInByFace(HttpJson http, Person person, String entry, String uscc, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("documentType", "RESIDENT_IDENTITY_CARD");
        body.put("documentNumber", person.document());
        body.put("password", PASSWORD);
        body.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        if (entry != null) {
            body.put("entry", entry);
            body.put("uscc", uscc);
            body.put("role", role);
        }
        return http.post("/api/sessions", body);
    }

    public static String naturalPersonSessionByFace(HttpJson http, Person person) {
        return token(logInByFace(http, person, null, null, null));
    }

    public static String enterpriseSessionByFace(HttpJson http, Person person, String uscc, String role) {
        return token(logInByFace(http, person, "TAX_AGENT".equals(role) ? "AGENT" : "ENTERPRISE", uscc, role));
    }

    private static String token(HttpJson.Response session) {
        if (session.status() != 201) {
            throw new IllegalStateException("login answered " + session.status() + ": " + session.raw());
        }
        return session.text("accessToken");
    }

    public static Map<String, Object> personData(Person person, String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("documentType", "RESIDENT_IDENTITY_CARD");
        data.put("documentNumber", person.document());
        data.put("name", name);
        return data;
    }

    /** REG-1: tax authority staff confirm the enterprise's tax information; financeManager may be null. */
    public static HttpJson.Response confirmEnterprise(HttpJson asStaff, String uscc, String name, Person legalRepresentative,
                                                      Person financeManager) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uscc", uscc);
        body.put("name", name);
        body.put("legalRepresentative", personData(legalRepresentative, "张总"));
        if (financeManager != null) {
            body.put("financeManager", personData(financeManager, "李会计"));
        }
        return asStaff.post("/api/tax-authority/enterprises", body);
    }

    /** ACC-5: POST /api/enterprises/{uscc}/staff. */
    public static HttpJson.Response nominate(HttpJson asManager, String uscc, Person nominee, String role,
                                             String validUntil) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentType", "RESIDENT_IDENTITY_CARD");
        body.put("documentNumber", nominee.document());
        body.put("role", role);
        body.put("validUntil", validUntil);
        return asManager.post("/api/enterprises/" + uscc + "/staff", body);
    }

    /** The payload types of an aggregate's events, in order (simple names). */
    public static List<String> eventTypes(PostgresTestDatabase database, String aggregateId) {
        List<String> types = new ArrayList<>();
        for (String[] row : events(database, aggregateId)) {
            types.add(row[0].substring(row[0].lastIndexOf('.') + 1));
        }
        return types;
    }

    /** {payload type, JSON payload} of an aggregate's events, in order. */
    public static List<String[]> events(PostgresTestDatabase database, String aggregateId) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT payloadtype, payload "
                     + "FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            statement.setString(1, aggregateId);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    // Decoded here rather than with PostgreSQL's convert_from: the query side's tests run on H2 too.
                    rows.add(new String[] {rs.getString(1), new String(rs.getBytes(2), StandardCharsets.UTF_8)});
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(PostgresTestDatabase database, String sql, Object... args) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
