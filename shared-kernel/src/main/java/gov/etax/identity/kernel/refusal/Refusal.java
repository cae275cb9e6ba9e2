package gov.etax.identity.kernel.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request the system declines for a stated reason. Thrown by value objects, rules and
 * aggregates; the web adapters turn it into {@code application/problem+json}, with any
 * {@link #details()} (for example {@code retryAt}, {@code unlocksAt}) as extra members.
 */
public class Refusal extends RuntimeException {

    private final Reason reason;
    private final Map<String, Object> details = new LinkedHashMap<>();

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

    /** Adds a fact the caller needs to act on the refusal, such as when to try again. */
    public Refusal with(String name, Object value) {
        details.put(Objects.requireNonNull(name), value);
        return this;
    }

    public Map<String, Object> details() {
        return Collections.unmodifiableMap(details);
    }
}
