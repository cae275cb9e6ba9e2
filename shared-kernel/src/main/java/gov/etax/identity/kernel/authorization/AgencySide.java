package gov.etax.identity.kernel.authorization;

/** The two parties of a tax agent relationship: one starts it, the other confirms it. */
public enum AgencySide {
    /** the enterprise whose tax matters the agency handles (委托方) */
    CLIENT,
    /** the tax agency (受托方) */
    AGENCY;

    public AgencySide other() {
        return this == CLIENT ? AGENCY : CLIENT;
    }
}
