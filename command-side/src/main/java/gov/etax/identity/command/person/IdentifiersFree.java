package gov.etax.identity.command.person;

import java.util.Set;

/**
 * REG-2, LOGIN-2, LOGIN-7: a new person's document, phone and username must be nobody's yet; the
 * document's refusal comes first, then the phone's, then the username's.
 */
public final class IdentifiersFree {

    private IdentifiersFree() {
    }

    /** @param usernameHash null when the person chose no username */
    public static void check(IdentityClaims claims, String documentHash, String phoneHash, String usernameHash) {
        Set<IdentityClaims.Kind> taken = claims.taken(documentHash, phoneHash, usernameHash);
        if (taken.contains(IdentityClaims.Kind.DOCUMENT)) {
            throw PersonReason.DOCUMENT_ALREADY_REGISTERED.refusal();
        }
        if (taken.contains(IdentityClaims.Kind.PHONE)) {
            throw PersonReason.PHONE_ALREADY_BOUND.refusal();
        }
        if (taken.contains(IdentityClaims.Kind.USERNAME)) {
            throw PersonReason.USERNAME_TAKEN.refusal();
        }
    }
}
