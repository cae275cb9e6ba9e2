package gov.etax.identity.command.person;

/**
 * REG-2, LOGIN-2, LOGIN-7: a new person's document, phone and username must be nobody's yet; the
 * document's refusal comes first, then the phone's, then the username's.
 */
public final class IdentifiersFree {

    private IdentifiersFree() {
    }

    /** @param usernameHash null when the person chose no username */
    public static void check(IdentityClaims claims, String documentHash, String phoneHash, String usernameHash) {
        if (claims.documentHolder(documentHash).isPresent()) {
            throw PersonReason.DOCUMENT_ALREADY_REGISTERED.refusal();
        }
        if (claims.phoneHolder(phoneHash).isPresent()) {
            throw PersonReason.PHONE_ALREADY_BOUND.refusal();
        }
        if (usernameHash != null && claims.usernameHolder(usernameHash).isPresent()) {
            throw PersonReason.USERNAME_TAKEN.refusal();
        }
    }
}
