package gov.etax.identity.kernel.person;

import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;
import java.util.Set;

/**
 * The administrative division code (GB/T 2260, 6 digits) of a province-level tax bureau whose
 * accounts a person may hold (PWD-6): the 34 province-level divisions ("360000" is Jiangxi), and
 * the five cities specifically designated in the state plan that run tax bureaus of their own
 * (Dalian 210200, Ningbo 330200, Xiamen 350200, Qingdao 370200, Shenzhen 440300).
 */
public record ProvinceCode(String value) {

    private static final Set<String> PROVINCE_PREFIXES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");
    private static final Set<String> SEPARATE_PLAN_CITIES = Set.of("210200", "330200", "350200", "370200", "440300");

    public ProvinceCode {
        if (value == null || value.isBlank()) {
            throw InvalidProvince.INVALID_PROVINCE.refusal("The province is missing.");
        }
        value = value.strip();
        boolean province = value.length() == 6 && value.endsWith("0000")
                && PROVINCE_PREFIXES.contains(value.substring(0, 2));
        if (!province && !SEPARATE_PLAN_CITIES.contains(value)) {
            throw InvalidProvince.INVALID_PROVINCE.refusal();
        }
    }

    @Override
    public String toString() {
        return value;
    }

    /** The one refusal of this value. */
    public enum InvalidProvince implements Reason {
        INVALID_PROVINCE(INVALID_INPUT, "PWD-6",
                "A province is the 6-digit administrative division code of a province-level tax bureau, e.g. 360000.",
                "省级行政区划代码不正确");

        private final Text text;

        InvalidProvince(Kind kind, String rule, String message, String messageZh) {
            this.text = new Text(kind, rule, message, messageZh);
        }

        @Override
        public Text text() {
            return text;
        }
    }
}
