package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.refusal.Refusal;
import java.util.Optional;

/** The one account identifier a login names (LOGIN-1: document, bound phone or username). */
record Account(DocumentNumber document, MobilePhone phone, Username username) {

    static Account of(LoginRequest request) {
        boolean byDocument = request.documentNumber() != null;
        boolean byPhone = request.phone() != null;
        boolean byUsername = request.username() != null;
        if ((byDocument ? 1 : 0) + (byPhone ? 1 : 0) + (byUsername ? 1 : 0) != 1) {
            throw SignInReason.ACCOUNT_REQUIRED.refusal();
        }
        return new Account(
                byDocument ? new DocumentNumber(DocumentType.parse(request.documentType()), request.documentNumber()) : null,
                byPhone ? new MobilePhone(request.phone()) : null,
                byUsername ? new Username(request.username()) : null);
    }

    Optional<PersonId> owner(PersonDirectory directory) {
        if (document != null) {
            return directory.withDocument(document);
        }
        if (phone != null) {
            return directory.withPhone(phone);
        }
        return directory.withUsername(username);
    }

    /** REG-6, LOGIN-2: the bureau's own answers for an account nobody holds. */
    Refusal notRegistered() {
        return (phone != null ? SignInReason.LOGIN_PHONE_NOT_BOUND : SignInReason.ACCOUNT_NOT_REGISTERED).refusal();
    }
}
