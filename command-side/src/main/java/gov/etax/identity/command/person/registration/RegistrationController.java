package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.infrastructure.config.HashingAdmission;
import gov.etax.identity.kernel.person.PersonId;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/persons/registrations}: a natural person registers online (REG-2). */
@RestController
public class RegistrationController {

    private final RepeatedRegistrations registrations;
    private final HashingAdmission hashing;

    public RegistrationController(RepeatedRegistrations registrations, HashingAdmission hashing) {
        this.registrations = registrations;
        this.hashing = hashing;
    }

    @Schema(name = "PersonRegistered")
    public record Registered(String personId) {
    }

    @ApiResponse(responseCode = "201", description = "Registered (REG-1..REG-4)",
            headers = @Header(name = "Location", description = "The new person's account: /api/persons/{personId}/account"))
    @Operation(summary = "Register a natural person (REG-2)",
            description = "Rests on a passed face scan (faceVerificationToken), or, with none, on real-name information "
                    + "collected at a tax service hall for the document under the same name (REG-3, REG-4). "
                    + "smsCode is the code POST /api/sms-challenges sent to the phone with purpose REGISTRATION, "
                    + "asked with the face scan's token or the collected document and name (LOGIN-2). "
                    + "A repeat of a request answers 201 with the same person and Idempotent-Replayed: true: "
                    + "the same Idempotency-Key, or without one the same body, is the same request; "
                    + "the same key with another body is 422 IDEMPOTENCY_KEY_REUSED. Keys are remembered 24 hours.")
    @PostMapping("/api/persons/registrations")
    public ResponseEntity<Registered> register(
            @Parameter(description = "Chosen by the client, 1-255 printable ASCII characters; a retry sends it again")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody PersonRegistration.Application application) {
        RepeatedRegistrations.Registered outcome = hashing.admitted(() -> registrations.register(application, idempotencyKey));
        PersonId personId = outcome.personId();
        // A repeat answers like the first request; the header only tells the client it was a repeat.
        return ResponseEntity.created(URI.create("/api/persons/" + personId.value() + "/account"))
                .header("Idempotent-Replayed", Boolean.toString(outcome.repeated()))
                .body(new Registered(personId.value()));
    }
}
