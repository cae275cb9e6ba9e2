package gov.etax.identity.command.person.phones;

import gov.etax.identity.command.person.IdentifierSealing;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.command.person.realname.OwnFaceScan;
import gov.etax.identity.command.person.realname.RealNameService;
import gov.etax.identity.command.sms.SmsChallenges;
import gov.etax.identity.command.sms.SmsCodeCheck;
import gov.etax.identity.command.sms.SmsPurpose;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.commands.BindPhone;
import gov.etax.identity.kernel.person.commands.RaiseRealNameLevel;
import gov.etax.identity.kernel.person.commands.RecoverPhone;
import gov.etax.identity.kernel.person.commands.UnbindPhone;
import gov.etax.identity.kernel.person.events.PhoneBound;
import gov.etax.identity.kernel.person.events.PhoneUnbound;
import gov.etax.identity.kernel.refusal.CommonReason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Binding, unbinding and recovering phones (LOGIN-2, LOGIN-3). The one-time proofs (the SMS code
 * sent to the new number, the face scan) are checked here, outside any transaction, after the cheap
 * early answers, so that a doomed request spends none of them. The phone is sealed here, under the
 * person's key; the person's aggregate decides on its lookup hash, and the claim follows its event.
 */
@Service
public class PhoneService {

    private final PersonDirectory directory;
    private final SmsChallenges smsChallenges;
    private final FaceVerification faceVerification;
    private final CommandGateway commandGateway;
    private final RealNameService realName;
    private final IdentifierSealing sealing;

    public PhoneService(PersonDirectory directory, SmsChallenges smsChallenges, FaceVerification faceVerification,
                        CommandGateway commandGateway, RealNameService realName, IdentifierSealing sealing) {
        this.sealing = sealing;
        this.directory = directory;
        this.smsChallenges = smsChallenges;
        this.faceVerification = faceVerification;
        this.commandGateway = commandGateway;
        this.realName = realName;
    }

    /** @param newlyBound false when the person already held the phone and nothing changed */
    @Schema(name = "PhoneBinding")
    public record Bound(String phoneMasked, PhoneBound.How how, boolean newlyBound) {
    }

    /**
     * LOGIN-2: 【手机号码修改】, add a phone with an SMS code sent to it (purpose PHONE_BINDING). A risk
     * matter (REG-5): a level-3 person gives a face scan too, unless the session was opened by face
     * (the way in of a person whose phone was cleared, LOGIN-3).
     */
    public Bound bind(CurrentPerson caller, String phoneNumber, String smsCode, String faceVerificationToken) {
        PersonId person = caller.personId();
        MobilePhone phone = new MobilePhone(phoneNumber);
        if (heldBy(phone).filter(person::equals).isPresent()) {
            return new Bound(phone.masked(), PhoneBound.How.ACCOUNT_CENTER, false);
        }
        refuseIfHeldByAnother(phone);
        PhoneLimit.check(directory.phoneCountOf(person));
        requireSmsCode(phone, smsCode);
        realName.askInRiskMatter(caller, faceVerificationToken);
        Boolean bound = commandGateway.sendAndWait(new BindPhone(person, sealing.forPerson(person).phone(phone)));
        return new Bound(phone.masked(), PhoneBound.How.ACCOUNT_CENTER, Boolean.TRUE.equals(bound));
    }

    /**
     * LOGIN-3: 【找回手机号码】, a person without a phone binds one with an SMS code and a face scan. A
     * number another person holds is taken from them: the code proves who holds the number now,
     * the face scan who they are (a number bound by a stranger, or passed on by the operator).
     */
    public Bound recover(PersonId person, String phoneNumber, String smsCode, String faceVerificationToken) {
        MobilePhone phone = new MobilePhone(phoneNumber);
        PhoneRecoveryAllowed.check(directory.phoneCountOf(person));
        Optional<PersonId> formerHolder = heldBy(phone).filter(holder -> !holder.equals(person));
        // The SMS code first: a mistyped code then costs no face scan.
        requireSmsCode(phone, smsCode);
        String faceVerificationId = OwnFaceScan.verify(faceVerification, directory, person, faceVerificationToken,
                PhoneReason.RECOVERY_FACE_VERIFICATION_REQUIRED);
        formerHolder.ifPresent(holder ->
                commandGateway.sendAndWait(new UnbindPhone(holder, sealing.forPerson(holder).phone(phone),
                        PhoneUnbound.Cause.RECLAIMED)));
        Boolean bound = commandGateway.sendAndWait(new RecoverPhone(person, sealing.forPerson(person).phone(phone),
                faceVerificationId));
        // A risk matter (REG-5): the passed scan raises a level-3 person to level 4.
        commandGateway.sendAndWait(new RaiseRealNameLevel(person, faceVerificationId));
        return new Bound(phone.masked(), PhoneBound.How.PHONE_RECOVERY, Boolean.TRUE.equals(bound));
    }

    /** LOGIN-2: the person gives up one of their phones, the last one too. */
    public void unbind(PersonId person, String phoneNumber) {
        commandGateway.sendAndWait(new UnbindPhone(person, sealing.forPerson(person).phone(new MobilePhone(phoneNumber))));
    }

    private Optional<PersonId> heldBy(MobilePhone phone) {
        return directory.withPhone(phone);
    }

    private void refuseIfHeldByAnother(MobilePhone phone) {
        if (heldBy(phone).isPresent()) {
            throw PersonReason.PHONE_ALREADY_BOUND.refusal();
        }
    }

    private void requireSmsCode(MobilePhone phone, String smsCode) {
        if (smsCode == null || smsCode.isBlank()) {
            throw CommonReason.MISSING_FIELD.refusal("The SMS code sent to the new phone number is required.");
        }
        SmsCodeCheck check = smsChallenges.verify(phone, SmsPurpose.PHONE_BINDING, smsCode.strip());
        if (check != SmsCodeCheck.VALID) {
            throw PhoneReason.SMS_CODE_INVALID.refusal().with("smsCodeCheck", check.name());
        }
    }
}
