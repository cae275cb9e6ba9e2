package gov.etax.identity.kernel.refusal;

/**
 * Why a request is refused. Each area keeps its reasons in an enum of its own; {@link #code()} is
 * the stable code clients switch on, {@link #messageZh()} the bureau's wording (faq-zh.txt).
 */
public interface Reason {

    /** Stable, upper snake case; never renamed once published. */
    String code();

    Kind kind();

    /** The rule ID from RULES.md that refused, or null for plain input errors. */
    String rule();

    String message();

    /** The bureau's own wording where it has one, else a plain Chinese message. */
    String messageZh();

    default Refusal refusal() {
        return new Refusal(this);
    }

    default Refusal refusal(String detail) {
        return new Refusal(this, detail);
    }
}
