package gov.etax.identity.command.person.registration;

import gov.etax.identity.kernel.person.PersonId;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/persons/registrations}: a natural person registers online (REG-2). */
@RestController
public class RegistrationController {

    private final PersonRegistration registration;

    public RegistrationController(PersonRegistration registration) {
        this.registration = registration;
    }

    @Schema(name = "PersonRegistered")
    public record Registered(String personId) {
    }

    @ApiResponse(responseCode = "201", description = "Registered (REG-1..REG-4)",
            headers = @Header(name = "Location", description = "The new person's account: /api/persons/{personId}/account"))
    @PostMapping("/api/persons/registrations")
    public ResponseEntity<Registered> register(@RequestBody PersonRegistration.Application application) {
        PersonId personId = registration.register(application);
        return ResponseEntity.created(URI.create("/api/persons/" + personId.value() + "/account"))
                .body(new Registered(personId.value()));
    }
}
