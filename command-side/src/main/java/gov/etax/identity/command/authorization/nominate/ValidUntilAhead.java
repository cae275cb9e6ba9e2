package gov.etax.identity.command.authorization.nominate;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.Validity;
import java.time.Instant;
import java.time.LocalDate;

/** ACC-5: a grant to tax staff carries an end date of validity (有效期止), today or later (China Standard Time). */
public final class ValidUntilAhead {

    private ValidUntilAhead() {
    }

    public static void check(LocalDate validUntil, Instant now) {
        if (validUntil == null) {
            throw AuthorizationReason.VALID_UNTIL_REQUIRED.refusal();
        }
        if (validUntil.isBefore(Validity.today(now))) {
            throw AuthorizationReason.VALIDITY_ALREADY_OVER.refusal();
        }
    }
}
