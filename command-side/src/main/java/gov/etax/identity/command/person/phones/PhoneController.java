package gov.etax.identity.command.person.phones;

import gov.etax.identity.command.infrastructure.ratelimit.FailedAttemptsPerAddress;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.signin.SignInReason;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logged-in person's phones (LOGIN-2, LOGIN-3): {@code POST /api/me/phones} binds one,
 * {@code DELETE /api/me/phones/{phone}} unbinds one, {@code POST /api/me/phone-recovery} recovers one;
 * {@code POST /api/phone-recoveries} recovers one from the login page.
 */
@RestController
public class PhoneController {

    private final PhoneService phones;
    private final PersonDirectory directory;
    private final FailedAttemptsPerAddress failedAttempts;

    public PhoneController(PhoneService phones, PersonDirectory directory, FailedAttemptsPerAddress failedAttempts) {
        this.phones = phones;
        this.directory = directory;
        this.failedAttempts = failedAttempts;
    }

    @Schema(name = "PhoneBindRequest")
    public record BindRequest(String phone, String smsCode,
                              @Schema(description = "Asked of a person at real-name level 3 (a risk matter, REG-5) "
                                      + "in a session not opened by face: a passed face scan of their own document, "
                                      + "which raises them to level 4; without it 422 RISK_MATTER_FACE_SCAN_REQUIRED")
                              String faceVerificationToken) {
    }

    @Schema(name = "PhoneRecoveryRequest")
    public record RecoveryRequest(String phone, String smsCode, String faceVerificationToken) {
    }

    /** 201 when bound now; 200 when the person already held the phone (a repeated request changes nothing). */
    @ApiResponse(responseCode = "201", description = "The phone is now bound")
    @ApiResponse(responseCode = "200", description = "The phone was already bound; nothing changed")
    @PostMapping("/api/me/phones")
    public ResponseEntity<PhoneService.Bound> bind(@AuthenticationPrincipal Jwt token, @RequestBody BindRequest request) {
        PhoneService.Bound bound = phones.bind(CurrentPerson.of(token), request.phone(), request.smsCode(),
                request.faceVerificationToken());
        return ResponseEntity.status(bound.newlyBound() ? HttpStatus.CREATED : HttpStatus.OK).body(bound);
    }

    @ApiResponse(responseCode = "201", description = "The phone is now bound")
    @ApiResponse(responseCode = "200", description = "The phone was already bound; nothing changed")
    @PostMapping("/api/me/phone-recovery")
    public ResponseEntity<PhoneService.Bound> recover(@AuthenticationPrincipal Jwt token,
                                                      @RequestBody RecoveryRequest request) {
        PhoneService.Bound bound = phones.recover(CurrentPerson.of(token).personId(), request.phone(), request.smsCode(),
                request.faceVerificationToken());
        return ResponseEntity.status(bound.newlyBound() ? HttpStatus.CREATED : HttpStatus.OK).body(bound);
    }

    @Schema(name = "PhoneRecoveryBeforeLoginRequest")
    public record RecoveryBeforeLoginRequest(String documentType, String documentNumber, String phone, String smsCode,
                                             String faceVerificationToken) {
    }

    /**
     * LOGIN-3: 【找回手机号码】 from the login page, for a person who cannot log in by phone because none
     * is bound: the document names the person, the face scan must be of that document's holder.
     */
    @ApiResponse(responseCode = "201", description = "The phone is now bound")
    @ApiResponse(responseCode = "200", description = "The phone was already bound; nothing changed")
    @PostMapping("/api/phone-recoveries")
    public ResponseEntity<PhoneService.Bound> recoverBeforeLogin(@RequestBody RecoveryBeforeLoginRequest request,
                                                                 HttpServletRequest http) {
        PhoneService.Bound bound = failedAttempts.guard(http, () -> {
            PersonId person = directory.withDocument(
                            new DocumentNumber(DocumentType.parse(request.documentType()), request.documentNumber()))
                    .orElseThrow(SignInReason.ACCOUNT_NOT_REGISTERED::refusal);
            return phones.recover(person, request.phone(), request.smsCode(), request.faceVerificationToken());
        });
        return ResponseEntity.status(bound.newlyBound() ? HttpStatus.CREATED : HttpStatus.OK).body(bound);
    }

    @DeleteMapping("/api/me/phones/{phone}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void unbind(@AuthenticationPrincipal Jwt token, @PathVariable String phone) {
        phones.unbind(CurrentPerson.of(token).personId(), phone);
    }
}
