package gov.etax.identity.command.person.phones;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.person.IdentityClaims;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.commands.BindPhone;
import gov.etax.identity.kernel.person.commands.RecoverPhone;
import gov.etax.identity.kernel.person.commands.UnbindPhone;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PhoneBound;
import gov.etax.identity.kernel.person.events.PhoneUnbound;
import gov.etax.identity.kernel.refusal.CommonReason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The phones a person holds (LOGIN-2, LOGIN-3). Part of the {@code NaturalPerson} aggregate. The
 * state is a count: events carry phones only as ciphertext, and which phone belongs to whom is the
 * {@code identity_claim} table's business, written in the same transaction as each event. The count
 * enforces the limit and the recovery precondition; the claims enforce "one phone, one person" and
 * "only the holder unbinds".
 */
public class BoundPhones {

    private int held;

    @CommandHandler
    public boolean handle(BindPhone command, IdentityClaims claims, PersonalDataVault vault) {
        PhoneLimit.check(held);
        return bind(command.personId(), command.phone(), PhoneBound.How.ACCOUNT_CENTER, null, claims, vault);
    }

    @CommandHandler
    public boolean handle(RecoverPhone command, IdentityClaims claims, PersonalDataVault vault) {
        PhoneRecoveryAllowed.check(held);
        if (command.faceVerificationId() == null || command.faceVerificationId().isBlank()) {
            throw PhoneReason.RECOVERY_FACE_VERIFICATION_REQUIRED.refusal();
        }
        return bind(command.personId(), command.phone(), PhoneBound.How.PHONE_RECOVERY, command.faceVerificationId(),
                claims, vault);
    }

    /**
     * Any phone the person holds may go, the last one too: LOGIN-3 already has persons without a
     * phone, who log in with a face scan and recover one, and a person whose number was cancelled
     * by the operator must be able to free it for its next holder.
     */
    @CommandHandler
    public void handle(UnbindPhone command, IdentityClaims claims, PersonalDataVault vault) {
        requireNonNull(command.phone());
        if (!claims.releasePhone(command.personId(), command.phone())) {
            throw PhoneReason.PHONE_NOT_BOUND_TO_YOU.refusal();
        }
        apply(new PhoneUnbound(command.personId(), vault.sealerFor(command.personId()).seal(command.phone().value()),
                command.cause()));
    }

    private static boolean bind(PersonId person, MobilePhone phone, PhoneBound.How how, String faceVerificationId,
                                IdentityClaims claims, PersonalDataVault vault) {
        requireNonNull(phone);
        if (!claims.claimPhone(person, phone)) {
            return false;
        }
        apply(new PhoneBound(person, vault.sealerFor(person).seal(phone.value()), how, faceVerificationId));
        return true;
    }

    private static void requireNonNull(MobilePhone phone) {
        if (phone == null) {
            throw CommonReason.MISSING_FIELD.refusal("The phone number is missing.");
        }
    }

    @EventSourcingHandler
    void on(NaturalPersonRegistered event) {
        held = event.phone() == null ? 0 : 1;
    }

    /** Only the phones the import could bind; LOGIN-3's shared phones were cleared and count nothing. */
    @EventSourcingHandler
    void on(NaturalPersonMigrated event) {
        held = event.phones().size();
    }

    @EventSourcingHandler
    void on(PhoneBound event) {
        held++;
    }

    @EventSourcingHandler
    void on(PhoneUnbound event) {
        held = Math.max(0, held - 1);
    }
}
