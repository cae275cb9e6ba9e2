package gov.etax.identity.kernel.person;

/**
 * What a registration's real-name verification rests on (REG-2, REG-4): the person's own face scan,
 * or real-name information collected in person at a tax service hall (REG-3), where staff verified
 * the person.
 */
public enum RealNameEvidence {
    FACE_SCAN,
    HALL_COLLECTION
}
