package gov.etax.identity.command.sms;

import gov.etax.identity.command.infrastructure.ratelimit.ClientAddress;
import gov.etax.identity.command.infrastructure.ratelimit.RateLimitProperties;
import gov.etax.identity.command.infrastructure.ratelimit.RateLimitReason;
import gov.etax.identity.command.infrastructure.ratelimit.RateLimits;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.security.SessionTokens;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sms-challenges}: send an SMS code for login, password reset or phone binding (REG-7, LOGIN-2). */
@RestController
public class SmsChallengeController {

    private final SmsChallenges challenges;
    private final SmsRecipients recipients;
    private final FaceVerification faceVerification;
    private final RateLimits rateLimits;
    private final RateLimitProperties limits;
    private final ClientAddress clientAddress;

    public SmsChallengeController(SmsChallenges challenges, SmsRecipients recipients,
                                  FaceVerification faceVerification, RateLimits rateLimits, RateLimitProperties limits,
                                  ClientAddress clientAddress) {
        this.challenges = challenges;
        this.recipients = recipients;
        this.faceVerification = faceVerification;
        this.rateLimits = rateLimits;
        this.limits = limits;
        this.clientAddress = clientAddress;
    }

    /**
     * @param faceVerificationToken a passed, unspent face scan: lets a caller who is not signed in ask for a
     *                              PHONE_BINDING or REGISTRATION code
     * @param documentType and {@code documentNumber}: instead of {@code phone}, a LOGIN code to the
     *                     person's one phone for a login by document (LOGIN-3); with {@code name}, instead of a
     *                     face scan for a REGISTRATION code, the document's real-name information collected at a
     *                     tax service hall under that name (REG-4)
     */
    @Schema(name = "SmsChallengeRequest")
    public record Request(String phone, String purpose, String faceVerificationToken,
                          @Schema(description = "With documentNumber, instead of phone: a LOGIN code to the person's one "
                                  + "phone (LOGIN-3). 422 PHONE_EMPTY when the person has none (not a failed attempt), "
                                  + "422 SMS_PHONE_CHOICE_REQUIRED with phonesMasked when several. For a REGISTRATION "
                                  + "code, with documentNumber and name instead of a face scan: the hall collection (REG-4)")
                          String documentType,
                          @Schema(description = "See documentType") String documentNumber,
                          @Schema(description = "For a REGISTRATION code on the hall route: the name collected at the hall")
                          String name) {
    }

    @Schema(name = "SmsChallengeSent")
    public record Sent(String phoneMasked, SmsPurpose purpose, Instant expiresAt, int sendsLeftInWindow) {
    }

    /** 202: the code is on its way to the phone; the response never carries it. */
    @ApiResponse(responseCode = "202", description = "The code is on its way")
    @PostMapping("/api/sms-challenges")
    public ResponseEntity<Sent> send(@RequestBody Request request, @AuthenticationPrincipal Jwt token,
                                     HttpServletRequest http) {
        SmsPurpose purpose = SmsPurpose.parse(request.purpose());
        boolean toDocument = request.phone() == null && request.documentNumber() != null && purpose == SmsPurpose.LOGIN;
        MobilePhone phone = toDocument ? null : new MobilePhone(request.phone());
        // The session, or for an anonymous binding code the face scan, is who asks.
        String caller = signedInSession(token);
        boolean recovery = caller == null && purpose == SmsPurpose.PHONE_BINDING;
        if (caller == null && purpose == SmsPurpose.REGISTRATION && request.faceVerificationToken() == null
                && request.documentNumber() != null) {
            caller = hallCollectionOf(request);
        } else if (caller == null && (purpose == SmsPurpose.PHONE_BINDING || purpose == SmsPurpose.REGISTRATION)) {
            caller = SmsBindingCaller.scanOf(faceVerification.inspect(request.faceVerificationToken()));
        }
        // The narrower budget first, so a session past its own does not use up its address's.
        if (caller != null) {
            rateLimits.admit("sms-caller", caller, limits.smsPerSession(), RateLimitReason.SMS_LIMIT_PER_SESSION);
        }
        // Counted before the look-up, so probing which phones are bound costs the address too.
        rateLimits.admit("sms-address", clientAddress.of(http), limits.smsPerAddress(), RateLimitReason.SMS_LIMIT_PER_ADDRESS);
        if (toDocument) {
            DocumentNumber document = new DocumentNumber(DocumentType.parse(request.documentType()), request.documentNumber());
            phone = recipients.soleLoginPhone(document);
        }
        // Refusals by binding come before REG-7 counts, so they cost the phone no sends.
        SmsRecipientAllowed.check(phone, purpose, recipients, recovery);
        SentChallenge sent = challenges.send(phone, purpose);
        return ResponseEntity.accepted()
                .body(new Sent(phone.masked(), purpose, sent.expiresAt(), sent.sendsLeftInWindow()));
    }

    /** REG-4: the hall verified the person; the collection is the caller to count sends against. */
    private String hallCollectionOf(Request request) {
        DocumentNumber document = new DocumentNumber(DocumentType.parse(request.documentType()), request.documentNumber());
        return recipients.hallCollection(document, new PersonName(request.name()))
                .orElseThrow(SmsReason.PHONE_BINDING_NEEDS_SIGN_IN::refusal);
    }

    /** A person's session token (not a staff token), else null. */
    private static String signedInSession(Jwt token) {
        if (token == null || !SessionTokens.ISSUER.equals(token.getClaimAsString("iss"))) {
            return null;
        }
        return "session:" + token.getClaimAsString(SessionTokens.SESSION_ID);
    }
}
