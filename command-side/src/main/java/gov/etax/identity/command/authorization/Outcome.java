package gov.etax.identity.command.authorization;

/**
 * The answer of a command handler whose refusal must itself stay in the history (a confirmation
 * attempt by the wrong person, an expiry noticed on the way): the handler applies the event and
 * answers with the refusal instead of throwing, so the event commits before the caller hears no.
 */
public record Outcome(AuthorizationReason refusal) {

    private static final Outcome DONE = new Outcome(null);

    public static Outcome done() {
        return DONE;
    }

    public static Outcome refused(AuthorizationReason reason) {
        return new Outcome(reason);
    }

    public boolean isDone() {
        return refusal == null;
    }

    /** @throws gov.etax.identity.kernel.refusal.Refusal the recorded refusal, if any */
    public void orThrow() {
        if (refusal != null) {
            throw refusal.refusal();
        }
    }
}
