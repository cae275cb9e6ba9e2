package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.infrastructure.config.HashingAdmission;
import gov.etax.identity.command.infrastructure.ratelimit.FailedAttemptsPerAddress;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import jakarta.servlet.http.HttpServletRequest;
import gov.etax.identity.kernel.refusal.CommonReason;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sessions} logs in; {@code .../current/switch} switches role or enterprise; {@code DELETE /api/sessions/current} logs out. */
@RestController
public class SessionController {

    private final PasswordSignIn signIn;
    private final SessionSwitch sessionSwitch;
    private final FailedAttemptsPerAddress failedAttempts;
    private final HashingAdmission hashing;

    public SessionController(PasswordSignIn signIn, SessionSwitch sessionSwitch, FailedAttemptsPerAddress failedAttempts,
                             HashingAdmission hashing) {
        this.hashing = hashing;
        this.sessionSwitch = sessionSwitch;
        this.signIn = signIn;
        this.failedAttempts = failedAttempts;
    }

    /** Logs in at the natural-person (default), enterprise or agent entry (LOGIN-1, PWD-1). */
    @PostMapping("/api/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    public SessionGranted logIn(@RequestBody LoginRequest request, HttpServletRequest http) {
        // A password is hashed, even for an unknown account; a login by SMS code alone hashes nothing.
        return hashing.admittedIf(request.password() != null, () -> failedAttempts.guard(http, () -> signIn.logIn(request)));
    }

    /** What the session acts as after the switch. */
    public enum SwitchTarget {
        /** 自然人业务: back to the person's own business; no uscc, no role */
        NATURAL_PERSON,
        /** 企业业务 or 代理业务: for the enterprise {@code uscc}, in {@code role} when the person holds several */
        ENTERPRISE
    }

    @Schema(name = "SessionSwitchRequest")
    public record SwitchRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) SwitchTarget to,
            @Schema(description = "Required when to is ENTERPRISE", example = "91330100716105852F") String uscc,
            @Schema(description = "Only with to ENTERPRISE; TAX_AGENT opens the agent entry") String role) {
    }

    /**
     * ACC-8, ACC-9: another role or enterprise without logging in again; answers a new token. The
     * target is always explicit: a body without {@code to} is refused, so no malformed request ends
     * the current session.
     */
    @PostMapping("/api/sessions/current/switch")
    @ResponseStatus(HttpStatus.CREATED)
    public SessionGranted switchTo(@AuthenticationPrincipal Jwt token, @RequestBody SwitchRequest request) {
        if (request.to() == null) {
            throw CommonReason.MISSING_FIELD.refusal("to is required: NATURAL_PERSON or ENTERPRISE.");
        }
        boolean toEnterprise = request.to() == SwitchTarget.ENTERPRISE;
        if (toEnterprise && (request.uscc() == null || request.uscc().isBlank())) {
            throw CommonReason.MISSING_FIELD.refusal("uscc is required to act for an enterprise.");
        }
        if (!toEnterprise && (request.uscc() != null || request.role() != null)) {
            throw CommonReason.MALFORMED_REQUEST.refusal("uscc and role belong to a switch to ENTERPRISE only.");
        }
        CurrentPerson person = CurrentPerson.of(token);
        return sessionSwitch.switchTo(person.personId(), person.sessionId(), toEnterprise ? request.uscc() : null,
                request.role());
    }

    @DeleteMapping("/api/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logOut(@AuthenticationPrincipal Jwt token) {
        CurrentPerson person = CurrentPerson.of(token);
        sessionSwitch.logOut(person.personId(), person.sessionId());
    }
}
