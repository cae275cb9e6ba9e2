package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.time.ChinaStandardTime;
import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.privacy.Masking;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An identity document number, valid for its type. Normalised as people type it ({@link #normalised}:
 * no spaces, ASCII digits and letters, upper case) before the check digit, so that the same
 * document always yields the same value, which the uniqueness of registration relies on.
 */
public record DocumentNumber(DocumentType type, String value) {

    /** Business days and birth dates are China Standard Time, whatever the server's zone. */
    /** Nobody born before this can still be registering; older dates are typing errors. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final int[] GB11643_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String GB11643_CHECK_CHARS = "10X98765432";
    // "uuuu" (proleptic year), not "yyyy" (year of era): STRICT resolving needs an era with "yyyy".
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern EIGHTEEN_CHAR_ID = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern HK_MACAO_TRAVEL = Pattern.compile("[HM](\\d{8}|\\d{10})");
    private static final Pattern TAIWAN_TRAVEL = Pattern.compile("\\d{8}|\\d{10}");
    // Ordinary (E, G), newer ordinary with a letter (E + not I/O), diplomatic/service/public affairs.
    private static final Pattern CHINESE_PASSPORT = Pattern.compile("[EG]\\d{8}|E[A-HJ-NP-Z]\\d{7}|[DSP]\\d{8}");
    private static final Pattern OLD_PERMANENT_RESIDENT = Pattern.compile("[A-Z]{3}\\d{12}");
    private static final Pattern FOREIGN_DOCUMENT = Pattern.compile("[A-Z0-9]{5,20}");

    public DocumentNumber {
        if (type == null) {
            throw CommonReason.INVALID_DOCUMENT_TYPE.refusal("The document type is missing.");
        }
        if (value == null || value.isBlank()) {
            throw invalid("The document number is missing.");
        }
        value = normalised(value);
        validate(type, value);
    }

    /**
     * A document number as typed, in the register's form: whitespace anywhere (including the
     * full-width space of Chinese input methods) removed, full-width digits and letters
     * (U+FF10-U+FF5A) turned into ASCII, letters in upper case (a lowercase check character
     * {@code x} is the {@code X} of GB 11643). Document numbers hold only ASCII letters and digits,
     * so nothing that is removed or mapped can change which document is meant.
     */
    public static String normalised(String typed) {
        StringBuilder out = new StringBuilder(typed.length());
        typed.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            boolean fullWidthDigitOrLetter = c >= '\uFF10' && c <= '\uFF5A' && Character.isLetterOrDigit(c);
            out.appendCodePoint(fullWidthDigitOrLetter ? c - 0xFEE0 : c);
        });
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * The GB 11643 check character for the first 17 digits of a resident identity card number,
     * also used by residence permits and the 2023 Foreign Permanent Resident ID Card.
     *
     * @throws IllegalArgumentException if the argument is not exactly 17 ASCII digits
     */
    public static char gb11643CheckCharacter(CharSequence first17Digits) {
        if (first17Digits == null || first17Digits.length() != GB11643_WEIGHTS.length) {
            throw new IllegalArgumentException("GB 11643 check needs exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < GB11643_WEIGHTS.length; i++) {
            char c = first17Digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("GB 11643 check needs exactly 17 digits");
            }
            sum += (c - '0') * GB11643_WEIGHTS[i];
        }
        return GB11643_CHECK_CHARS.charAt(sum % 11);
    }

    public String masked() {
        return Masking.documentNumber(value);
    }

    /** Never the full number: records' default toString would put it into every log line. */
    @Override
    public String toString() {
        return "DocumentNumber[type=" + type + ", value=" + masked() + "]";
    }

    private static void validate(DocumentType type, String value) {
        switch (type) {
            case RESIDENT_IDENTITY_CARD -> requireEighteenCharId(value, "resident identity card");
            case HK_MACAO_RESIDENCE_PERMIT -> {
                requireEighteenCharId(value, "Hong Kong/Macao residence permit");
                if (!value.startsWith("810000") && !value.startsWith("820000")) {
                    throw invalid("A Hong Kong/Macao residence permit number starts with 810000 or 820000.");
                }
            }
            case TAIWAN_RESIDENCE_PERMIT -> {
                requireEighteenCharId(value, "Taiwan residence permit");
                if (!value.startsWith("830000")) {
                    throw invalid("A Taiwan residence permit number starts with 830000.");
                }
            }
            case HK_MACAO_TRAVEL_PERMIT -> require(HK_MACAO_TRAVEL, value,
                    "A Hong Kong/Macao travel permit number is H or M followed by 8 or 10 digits.");
            case TAIWAN_TRAVEL_PERMIT -> require(TAIWAN_TRAVEL, value,
                    "A Taiwan travel permit number has 8 or 10 digits.");
            case CHINESE_PASSPORT -> require(CHINESE_PASSPORT, value,
                    "A Chinese passport number is E or G and 8 digits, E, a letter and 7 digits, "
                            + "or D, S or P and 8 digits.");
            case FOREIGN_PERMANENT_RESIDENT_ID_CARD -> requirePermanentResidentCard(value);
            case FOREIGN_PASSPORT, FOREIGNER_WORK_PERMIT_A, FOREIGNER_WORK_PERMIT_B, FOREIGNER_WORK_PERMIT_C ->
                    require(FOREIGN_DOCUMENT, value, "This document number has 5 to 20 letters or digits.");
        }
    }

    private static void requireEighteenCharId(String value, String what) {
        requireGb11643(value, what);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException e) {
            throw invalid("The birth date in a " + what + " number is not a calendar date.");
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            throw invalid("The birth date in a " + what + " number is before 1900.");
        }
        if (birthDate.isAfter(LocalDate.now(ChinaStandardTime.ZONE))) {
            throw invalid("The birth date in a " + what + " number is in the future.");
        }
    }

    private static void requireGb11643(String value, String what) {
        if (value.length() != 18) {
            throw invalid("A " + what + " number has 18 characters.");
        }
        if (!EIGHTEEN_CHAR_ID.matcher(value).matches()) {
            throw invalid("A " + what + " number is 17 digits and a digit or X.");
        }
        if (gb11643CheckCharacter(value.substring(0, 17)) != value.charAt(17)) {
            throw invalid("The check character of the " + what + " number is wrong.");
        }
    }

    private static void requirePermanentResidentCard(String value) {
        if (OLD_PERMANENT_RESIDENT.matcher(value).matches()) {
            return;
        }
        if (value.length() == 18 && value.charAt(0) == '9') {
            requireGb11643(value, "Foreign Permanent Resident ID Card");
            return;
        }
        throw invalid("A Foreign Permanent Resident ID Card number is 3 letters and 12 digits (old card) "
                + "or 18 characters starting with 9 (2023 card).");
    }

    private static void require(Pattern pattern, String value, String why) {
        if (!pattern.matcher(value).matches()) {
            throw invalid(why);
        }
    }

    private static Refusal invalid(String detail) {
        return CommonReason.INVALID_DOCUMENT_NUMBER.refusal(detail);
    }
}
