package gov.etax.identity.kernel.refusal;

/**
 * Why a request is refused. Each area keeps its reasons in an enum of its own; {@link #code()} is
 * the enum constant's name, the stable code clients switch on, and {@link #messageZh()} the
 * bureau's wording (faq-zh.txt).
 */
public interface Reason {

    /** What a reason says; each enum constant carries one. */
    record Text(Kind kind, String rule, String message, String messageZh) {
    }

    Text text();

    /** Stable, upper snake case; never renamed once published. */
    default String code() {
        return ((Enum<?>) this).name();
    }

    default Kind kind() {
        return text().kind();
    }

    /** The rule ID from RULES.md that refused, or null for plain input errors. */
    default String rule() {
        return text().rule();
    }

    default String message() {
        return text().message();
    }

    /** The bureau's own wording where it has one, else a plain Chinese message. */
    default String messageZh() {
        return text().messageZh();
    }

    default Refusal refusal() {
        return new Refusal(this);
    }

    default Refusal refusal(String detail) {
        return new Refusal(this, detail);
    }
}
