package gov.etax.identity.command.person.offline;

/** The tax service hall (办税服务场所) where staff collected real-name information, as staff name it. */
public final class ServiceHall {

    private static final int MAX_CODE_POINTS = 100;

    private ServiceHall() {
    }

    /** Returns the hall stripped of surrounding whitespace. */
    public static String check(String hall) {
        if (hall == null || hall.isBlank()) {
            throw OfflineCollectionReason.INVALID_SERVICE_HALL.refusal("The tax service hall is missing.");
        }
        String stripped = hall.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_CODE_POINTS
                || stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw OfflineCollectionReason.INVALID_SERVICE_HALL.refusal();
        }
        return stripped;
    }
}
