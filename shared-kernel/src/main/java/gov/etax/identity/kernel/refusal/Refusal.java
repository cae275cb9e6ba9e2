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
    private boolean recorded;

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

    /**
     * Marks a refusal whose attempt the handler recorded as an event just before refusing (a
     * confirmation by the wrong person, a failed sign-in, an expiry noticed on the way): the event
     * stays in the history, and the caller still hears the refusal. Any other refusal undoes
     * everything its command did.
     */
    public Refusal recorded() {
        this.recorded = true;
        return this;
    }

    public boolean isRecorded() {
        return recorded;
    }

    public Map<String, Object> details() {
        return Collections.unmodifiableMap(details);
    }
}
