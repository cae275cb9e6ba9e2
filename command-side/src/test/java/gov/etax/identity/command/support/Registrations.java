package gov.etax.identity.command.support;

import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, distinct registration data for tests, and the dev face scan each registration needs. */
public final class Registrations {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1);

    private Registrations() {
    }

    /** A resident identity card number with a real birth date and a correct GB 11643 check digit. */
    public static String residentIdNumber() {
        int n = SEQUENCE.getAndIncrement();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n % 15000);
        String body = "360102" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return body + DocumentNumber.gb11643CheckCharacter(body);
    }

    /** A unified social credit code with a correct GB 32100 check character (an enterprise of Nanchang). */
    public static String uscc() {
        String body = "91360100" + String.format("%09d", SEQUENCE.getAndIncrement() * 7919L % 1_000_000_000L);
        return body + Uscc.checkCharacter(body);
    }

    public static String phone() {
        return "139" + String.format("%08d", Math.floorMod(System.nanoTime() + SEQUENCE.getAndIncrement() * 7919L, 100_000_000L));
    }

    /** Scans a face on the dev simulator and returns the token. */
    public static String faceToken(HttpJson commandSide, String documentType, String documentNumber, String outcome) {
        HttpJson.Response scan = commandSide.post("/api/dev/face-scans",
                Map.of("documentType", documentType, "documentNumber", documentNumber, "outcome", outcome));
        if (scan.status() != 201) {
            throw new IllegalStateException("face scan simulator answered " + scan.status() + ": " + scan.raw());
        }
        return scan.text("token");
    }

    public static Map<String, Object> application(String documentNumber, String phone, String faceToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentType", "RESIDENT_IDENTITY_CARD");
        body.put("documentNumber", documentNumber);
        body.put("name", "王小明");
        body.put("phone", phone);
        body.put("password", "Secret#2024");
        body.put("faceVerificationToken", faceToken);
        return body;
    }

    /**
     * Adds the REGISTRATION code sent to the application's phone (LOGIN-2), asked for with its face
     * token, as a person proves they hold the phone; none when the code request is refused (a bound
     * phone, no passed scan), so the registration answers with its own refusal. Returns the application.
     */
    public static Map<String, Object> withSmsCode(HttpJson commandSide, Map<String, Object> application) {
        application.put("smsCode", SignIns.registrationCode(commandSide, (String) application.get("phone"),
                (String) application.get("faceVerificationToken")));
        return application;
    }

    /** Registers a new person with a passing face scan and the phone's code; returns the HTTP response. */
    public static HttpJson.Response register(HttpJson commandSide, String documentNumber, String phone) {
        String token = faceToken(commandSide, "RESIDENT_IDENTITY_CARD", documentNumber, "PASSED");
        return commandSide.post("/api/persons/registrations",
                withSmsCode(commandSide, application(documentNumber, phone, token)));
    }

    /** A person registered with the default password. */
    public record Registered(String personId, String document, String phone) {
    }

    /** Registers a new person with a fresh document and phone, expecting 201. */
    public static Registered registered(HttpJson commandSide) {
        String document = residentIdNumber();
        String phone = phone();
        HttpJson.Response response = register(commandSide, document, phone);
        if (response.status() != 201) {
            throw new IllegalStateException("registration answered " + response.status() + ": " + response.raw());
        }
        return new Registered(response.text("personId"), document, phone);
    }
}
