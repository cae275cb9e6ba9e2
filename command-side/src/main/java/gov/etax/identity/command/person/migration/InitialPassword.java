package gov.etax.identity.command.person.migration;

import gov.etax.identity.kernel.person.DocumentNumber;

/**
 * PWD-2: a migrated person's initial password is the last 6 characters of their document number,
 * as normalised (upper case, so a resident identity card ending in X gives "…X"); a document of
 * 5 characters gives all 5. It has to be replaced at first login.
 */
public final class InitialPassword {

    public static final int LENGTH = 6;

    private InitialPassword() {
    }

    public static String of(DocumentNumber document) {
        String number = document.value();
        return number.substring(Math.max(0, number.length() - LENGTH));
    }
}
