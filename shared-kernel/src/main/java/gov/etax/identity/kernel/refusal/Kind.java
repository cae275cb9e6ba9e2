package gov.etax.identity.kernel.refusal;

/** What sort of refusal it is; each kind has one HTTP status. */
public enum Kind {
    INVALID_INPUT(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    UNPROCESSABLE(422),
    TOO_MANY_REQUESTS(429),
    /** Not the caller's fault: the system failed and changed nothing. */
    INTERNAL(500),
    /** A service the request needs (an outside one, or the database) is down; nothing was changed, try again later. */
    SERVICE_UNAVAILABLE(503);

    private final int httpStatus;

    Kind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
