package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.command.person.IdentifierSealing;
import gov.etax.identity.command.person.IdentifiersFree;
import gov.etax.identity.command.person.IdentityClaims;
import gov.etax.identity.command.person.registration.OfflineCollections.HallCollection;
import gov.etax.identity.command.sms.SmsChallenges;
import gov.etax.identity.command.sms.SmsCodeCheck;
import gov.etax.identity.command.sms.SmsPurpose;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;
import gov.etax.identity.command.verification.IdentityRegister;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.RealNameEvidence;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.person.commands.RegisterNaturalPerson;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The registration steps that happen before the command: input checks, then the outside calls
 * (face scan, public-security check) and the slow password hash, all outside any transaction.
 */
@Service
public class PersonRegistration {

    private final IdentityClaims identityClaims;
    private final IdentifierSealing sealing;
    private final OfflineCollections offlineCollections;
    private final FaceVerification faceVerification;
    private final IdentityRegister identityRegister;
    private final PasswordEncoder passwordEncoder;
    private final CommandGateway commandGateway;
    private final SmsChallenges smsChallenges;

    public PersonRegistration(IdentityClaims identityClaims, IdentifierSealing sealing, OfflineCollections offlineCollections,
                              FaceVerification faceVerification, IdentityRegister identityRegister,
                              PasswordEncoder passwordEncoder, CommandGateway commandGateway,
                              SmsChallenges smsChallenges) {
        this.smsChallenges = smsChallenges;
        this.identityClaims = identityClaims;
        this.sealing = sealing;
        this.offlineCollections = offlineCollections;
        this.faceVerification = faceVerification;
        this.identityRegister = identityRegister;
        this.passwordEncoder = passwordEncoder;
        this.commandGateway = commandGateway;
    }

    /** @param smsCode the REGISTRATION code sent to {@code phone}: the phone is the registering person's (LOGIN-2) */
    @Schema(name = "RegistrationApplication")
    public record Application(String documentType, String documentNumber, String name, String phone,
                              String password, String username, String faceVerificationToken, String smsCode) {
    }

    /** Registers the person under {@code personId}, chosen by the caller (RepeatedRegistrations). */
    public void register(Application application, PersonId personId) {
        DocumentNumber document = new DocumentNumber(DocumentType.parse(application.documentType()), application.documentNumber());
        PersonName name = new PersonName(application.name());
        MobilePhone phone = new MobilePhone(application.phone());
        Username username = Username.ofNullable(application.username());
        PasswordPolicy.check(application.password());

        // Answer early what would refuse anyway, before the person's one-time face token is spent.
        Optional<HallCollection> hallCollection = offlineCollections.find(document, name);
        OnlineRegistrationAllowed.check(document.type(), hallCollection.isPresent());
        if (hallCollection.isPresent() && !hallCollection.get().sameName()) {
            throw PersonReason.NAME_DIFFERS_FROM_HALL_COLLECTION.refusal();
        }
        IdentifiersFree.check(identityClaims, sealing.hashOf(document), sealing.hashOf(phone), sealing.hashOf(username));

        // REG-4: staff verified the person at the hall, which stands in for the face scan; a token
        // sent along is then left unspent.
        if (hallCollection.isEmpty()) {
            checkFace(faceVerification.inspect(requireToken(application.faceVerificationToken())), document);
        }
        // Hashed before the code and the face token are spent: a refusal for busy hashing CPUs (503)
        // leaves both usable.
        PasswordHash hash = new PasswordHash(passwordEncoder.encode(application.password()));
        // LOGIN-2: before the scan is spent, so a mistyped code costs no face scan.
        requireSmsCode(phone, application.smsCode());
        String faceVerificationId = hallCollection.isPresent()
                ? null : verifiedFace(application.faceVerificationToken(), document);
        if (!identityRegister.matches(document, name)) {
            throw PersonReason.IDENTITY_CHECK_FAILED.refusal();
        }

        IdentifierSealing.Sealed sealed = sealing.forNewPerson(personId);
        commandGateway.sendAndWait(new RegisterNaturalPerson(personId, document.type(), sealed.document(document),
                sealed.name(name), sealed.phone(phone), sealed.username(username), hash,
                faceVerificationId, hallCollection.isPresent() ? RealNameEvidence.HALL_COLLECTION : RealNameEvidence.FACE_SCAN,
                hallCollection.map(HallCollection::collectionId).orElse(null)));
    }

    private void requireSmsCode(MobilePhone phone, String smsCode) {
        if (smsCode == null || smsCode.isBlank()) {
            throw PersonReason.PHONE_PROOF_REQUIRED.refusal();
        }
        SmsCodeCheck check = smsChallenges.verify(phone, SmsPurpose.REGISTRATION, smsCode.strip());
        if (check != SmsCodeCheck.VALID) {
            throw PersonReason.PHONE_PROOF_INVALID.refusal().with("smsCodeCheck", check.name());
        }
    }

    private static String requireToken(String token) {
        if (token == null || token.isBlank()) {
            throw PersonReason.FACE_VERIFICATION_REQUIRED.refusal();
        }
        return token;
    }

    private String verifiedFace(String token, DocumentNumber document) {
        return checkFace(faceVerification.redeem(requireToken(token)), document);
    }

    private static String checkFace(FaceScanResult result, DocumentNumber document) {
        if (result.passedFor(document)) {
            return result.verificationId();
        }
        if (result.outcome() == FaceVerification.Outcome.FAILED && document.equals(result.document())) {
            throw PersonReason.FACE_VERIFICATION_FAILED.refusal();
        }
        throw PersonReason.FACE_VERIFICATION_REQUIRED.refusal(
                "The face verification token is unknown, expired, already used or for another document.");
    }
}
