package gov.etax.identity.kernel.refusal;

import java.util.Objects;

/**
 * A request the system declines for a stated reason. Thrown by value objects, rules and
 * aggregates; the web adapters turn it into {@code application/problem+json}.
 */
public class Refusal extends RuntimeException {

    private final Reason reason;

    public Refusal(Reason reason) {
        this(reason, reason.message());
    }

    public Refusal(Reason reason, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }

    /** The English explanation for this occurrence (may be more specific than the reason's message). */
    public String detail() {
        return getMessage();
    }
}
