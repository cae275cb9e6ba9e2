package gov.etax.identity.kernel.person;

/** Real-name authentication level (实名等级). Registration with a face scan gives level 4 (REG-2); migrated persons without one have level 3 (REG-5). */
public enum RealNameLevel {
    LEVEL_3(3),
    LEVEL_4(4);

    private final int number;

    RealNameLevel(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
