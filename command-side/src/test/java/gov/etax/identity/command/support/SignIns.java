package gov.etax.identity.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logging in over HTTP in tests: SMS codes from the dev outbox, face tokens from the dev scanner, staff tokens. */
public final class SignIns {

    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private SignIns() {
    }

    /** Asks for an SMS code for the purpose and reads it from the simulator's outbox. */
    public static String smsCode(HttpJson commandSide, String phone, String purpose) {
        return codeSent(commandSide, phone, Map.of("phone", phone, "purpose", purpose));
    }

    /** A PHONE_BINDING code asked for before login, with a passed face scan's token (LOGIN-3). */
    public static String bindingCode(HttpJson commandSide, String phone, String faceVerificationToken) {
        return codeSent(commandSide, phone,
                Map.of("phone", phone, "purpose", "PHONE_BINDING", "faceVerificationToken", faceVerificationToken));
    }

    /**
     * A REGISTRATION code (LOGIN-2), asked for with the registering person's passed face scan; null
     * when the request is refused (a bound phone, no passed scan), so a test sees the registration's
     * own refusal.
     */
    public static String registrationCode(HttpJson commandSide, String phone, String faceVerificationToken) {
        Map<String, String> request = new HashMap<>(Map.of("phone", phone, "purpose", "REGISTRATION"));
        if (faceVerificationToken != null) {
            request.put("faceVerificationToken", faceVerificationToken);
        }
        HttpJson.Response sent = commandSide.post("/api/sms-challenges", request);
        return sent.status() == 202 ? lastCode(commandSide, phone) : null;
    }

    private static String codeSent(HttpJson commandSide, String phone, Map<String, String> request) {
        HttpJson.Response sent = commandSide.post("/api/sms-challenges", request);
        if (sent.status() != 202) {
            throw new IllegalStateException("SMS challenge answered " + sent.status() + ": " + sent.raw());
        }
        return lastCode(commandSide, phone);
    }

    /** The code in the latest SMS of the simulator's outbox for the phone. */
    public static String lastCode(HttpJson commandSide, String phone) {
        JsonNode outbox = commandSide.get("/api/dev/sms?phone=" + phone).body();
        Matcher matcher = CODE.matcher(outbox.get(outbox.size() - 1).get("text").asText());
        if (!matcher.find()) {
            throw new IllegalStateException("no code in the SMS");
        }
        return matcher.group(1);
    }

    public static Map<String, Object> byDocument(String documentNumber, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("documentType", "RESIDENT_IDENTITY_CARD");
        body.put("documentNumber", documentNumber);
        body.put("password", password);
        return body;
    }

    public static Map<String, Object> byPhone(String phone, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("phone", phone);
        body.put("password", password);
        return body;
    }

    /** Logs in by phone with password and SMS code; returns the access token. */
    public static String logIn(HttpJson commandSide, String phone, String password) {
        Map<String, Object> body = byPhone(phone, password);
        body.put("smsCode", smsCode(commandSide, phone, "LOGIN"));
        HttpJson.Response session = commandSide.post("/api/sessions", body);
        if (session.status() != 201) {
            throw new IllegalStateException("login answered " + session.status() + ": " + session.raw());
        }
        return session.text("accessToken");
    }

    /**
     * Logs in at the enterprise entry (PWD-1) by phone with password and SMS code, acting in
     * {@code role} (may be null when the person holds one role there); returns the access token.
     */
    public static String logInForEnterprise(HttpJson commandSide, String phone, String password, String uscc,
                                            String role) {
        Map<String, Object> body = byPhone(phone, password);
        body.put("entry", "TAX_AGENT".equals(role) ? "AGENT" : "ENTERPRISE");
        body.put("uscc", uscc);
        if (role != null) {
            body.put("role", role);
        }
        body.put("smsCode", smsCode(commandSide, phone, "LOGIN"));
        HttpJson.Response session = commandSide.post("/api/sessions", body);
        if (session.status() != 201) {
            throw new IllegalStateException("enterprise login answered " + session.status() + ": " + session.raw());
        }
        return session.text("accessToken");
    }

    /** A token of the bureau's identity provider, minted by the dev simulator. */
    public static String staffToken(HttpJson commandSide, String role) {
        HttpJson.Response token = commandSide.post("/api/dev/staff-tokens",
                Map.of("staffId", "staff-" + role.toLowerCase(), "name", "测试" + role, "role", role));
        if (token.status() != 201) {
            throw new IllegalStateException("staff token answered " + token.status() + ": " + token.raw());
        }
        return token.text("accessToken");
    }
}
