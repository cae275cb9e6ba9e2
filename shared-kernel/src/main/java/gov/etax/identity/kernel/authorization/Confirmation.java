package gov.etax.identity.kernel.authorization;

/** How a confirmation was vouched for (ACC-5). */
public enum Confirmation {
    /** the nominee scanned their face for this confirmation */
    FACE_SCAN,
    /** the nominee's session was itself opened by a face scan: no second scan (ACC-5) */
    FACE_SESSION,
    /** the other enterprise of a tax agent relationship confirmed in an enterprise session */
    ENTERPRISE_SESSION
}
