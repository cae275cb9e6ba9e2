package gov.etax.identity.command.person.phones;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.person.IdentityClaims;
import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SealedIdentifier;
import gov.etax.identity.kernel.person.commands.BindPhone;
import gov.etax.identity.kernel.person.commands.RecoverPhone;
import gov.etax.identity.kernel.person.commands.UnbindPhone;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PhoneBound;
import gov.etax.identity.kernel.person.events.PhoneUnbound;
import gov.etax.identity.kernel.refusal.CommonReason;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The phones a person holds (LOGIN-2, LOGIN-3). Part of the {@code NaturalPerson} aggregate. The
 * state is a count: events carry phones only as ciphertext, and which phone belongs to whom is the
 * {@code identity_claim} look-up's business, kept from these events in the same transaction and read
 * here by lookup hash. The count enforces the limit and the recovery precondition; the claims
 * enforce "one phone, one person" and "only the holder unbinds".
 */
public class BoundPhones {

    private int held;

    @CommandHandler
    public boolean handle(BindPhone command, IdentityClaims claims) {
        PhoneLimit.check(held);
        return bind(command.personId(), command.phone(), PhoneBound.How.ACCOUNT_CENTER, null, claims);
    }

    @CommandHandler
    public boolean handle(RecoverPhone command, IdentityClaims claims) {
        PhoneRecoveryAllowed.check(held);
        if (command.faceVerificationId() == null || command.faceVerificationId().isBlank()) {
            throw PhoneReason.RECOVERY_FACE_VERIFICATION_REQUIRED.refusal();
        }
        return bind(command.personId(), command.phone(), PhoneBound.How.PHONE_RECOVERY, command.faceVerificationId(),
                claims);
    }

    /**
     * Any phone the person holds may go, the last one too: LOGIN-3 already has persons without a
     * phone, who log in with a face scan and recover one, and a person whose number was cancelled
     * by the operator must be able to free it for its next holder.
     */
    @CommandHandler
    public void handle(UnbindPhone command, IdentityClaims claims) {
        requireNonNull(command.phone());
        if (!claims.phoneHolder(command.phone().lookupHash()).filter(command.personId()::equals).isPresent()) {
            throw PhoneReason.PHONE_NOT_BOUND_TO_YOU.refusal();
        }
        apply(new PhoneUnbound(command.personId(), command.phone().sealed(), command.cause()));
    }

    /** Answers false, recording nothing, when the person already holds the phone. */
    private static boolean bind(PersonId person, SealedIdentifier phone, PhoneBound.How how, String faceVerificationId,
                                IdentityClaims claims) {
        requireNonNull(phone);
        Optional<PersonId> holder = claims.phoneHolder(phone.lookupHash());
        if (holder.filter(person::equals).isPresent()) {
            return false;
        }
        if (holder.isPresent()) {
            throw PersonReason.PHONE_ALREADY_BOUND.refusal();
        }
        apply(new PhoneBound(person, phone.sealed(), how, faceVerificationId));
        return true;
    }

    private static void requireNonNull(SealedIdentifier phone) {
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
