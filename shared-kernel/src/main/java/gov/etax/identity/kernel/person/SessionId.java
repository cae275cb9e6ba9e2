package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.Identifiers;

/** One login session of a person: "session-" and a random UUID; the {@code sid} of its tokens. */
public record SessionId(String value) {

    private static final String PREFIX = "session";

    public SessionId {
        Identifiers.requireValid(PREFIX, value);
    }

    public static SessionId generate() {
        return new SessionId(Identifiers.generate(PREFIX));
    }

    public static SessionId parse(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
