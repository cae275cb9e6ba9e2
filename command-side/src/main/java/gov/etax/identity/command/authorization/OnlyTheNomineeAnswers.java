package gov.etax.identity.command.authorization;

import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonId;
import java.util.function.Supplier;

/**
 * ACC-1: nobody becomes staff without consenting, and nobody consents for another. Only the
 * holder named in the authorization confirms or rejects it (and ends it from their own side,
 * ACC-7). A holder not registered when named (a reported finance manager) is recognised by the
 * document they registered with since.
 */
public final class OnlyTheNomineeAnswers {

    private OnlyTheNomineeAnswers() {
    }

    public static boolean isHolder(PersonId caller, PersonId holderPersonId, Supplier<DocumentNumber> holderDocument,
                                   PersonDirectory directory) {
        if (holderPersonId != null) {
            return holderPersonId.equals(caller);
        }
        return directory.withDocument(holderDocument.get()).filter(caller::equals).isPresent();
    }
}
