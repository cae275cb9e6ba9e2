package gov.etax.identity.command.sms;

import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.kernel.person.MobilePhone;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sms-challenges}: send an SMS code for login, password reset or phone binding (REG-7, LOGIN-2). */
@RestController
public class SmsChallengeController {

    private final SmsChallenges challenges;
    private final PersonDirectory personDirectory;

    public SmsChallengeController(SmsChallenges challenges, PersonDirectory personDirectory) {
        this.challenges = challenges;
        this.personDirectory = personDirectory;
    }

    @Schema(name = "SmsChallengeRequest")
    public record Request(String phone, String purpose) {
    }

    @Schema(name = "SmsChallengeSent")
    public record Sent(String phoneMasked, SmsPurpose purpose, Instant expiresAt, int sendsLeftInWindow) {
    }

    /** 202: the code is on its way to the phone; the response never carries it. */
    @ApiResponse(responseCode = "202", description = "The code is on its way")
    @PostMapping("/api/sms-challenges")
    public ResponseEntity<Sent> send(@RequestBody Request request) {
        MobilePhone phone = new MobilePhone(request.phone());
        SmsPurpose purpose = SmsPurpose.parse(request.purpose());
        // Refusals by binding come before REG-7 counts, so they cost the phone no sends.
        SmsRecipientAllowed.check(phone, purpose, personDirectory);
        SentChallenge sent = challenges.send(phone, purpose);
        return ResponseEntity.accepted()
                .body(new Sent(phone.masked(), purpose, sent.expiresAt(), sent.sendsLeftInWindow()));
    }
}
