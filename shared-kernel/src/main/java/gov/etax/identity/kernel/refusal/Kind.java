package gov.etax.identity.kernel.refusal;

/** What sort of refusal it is; each kind has one HTTP status. */
public enum Kind {
    INVALID_INPUT(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    UNPROCESSABLE(422),
    TOO_MANY_REQUESTS(429),
    /** Something this service depends on cannot be reached now; worth retrying later. */
    UNAVAILABLE(503);

    private final int httpStatus;

    Kind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
