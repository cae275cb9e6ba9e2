package gov.etax.identity.kernel.authorization;

/** A tax officer acts in the main identity (主身份办税员) or a sub identity (子身份办税员). */
public enum TaxOfficerIdentity {
    MAIN,
    SUB
}
