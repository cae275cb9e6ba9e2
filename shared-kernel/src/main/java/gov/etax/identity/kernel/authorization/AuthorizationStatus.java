package gov.etax.identity.kernel.authorization;

/**
 * Where an authorization stands. PENDING ends in ACTIVE, REJECTED, WITHDRAWN or (past its end of
 * validity) EXPIRED; ACTIVE ends in REVOKED or EXPIRED. Only ACTIVE gives a relationship.
 */
public enum AuthorizationStatus {
    PENDING,
    ACTIVE,
    REJECTED,
    WITHDRAWN,
    REVOKED,
    EXPIRED;

    public boolean isOver() {
        return this != PENDING && this != ACTIVE;
    }
}
