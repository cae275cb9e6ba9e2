package gov.etax.identity.kernel.authorization.queries;

import gov.etax.identity.kernel.enterprise.Uscc;

/**
 * The enterprise's pending and active relationships (现有办税人员, ACC-6), including tax agent
 * relationships in which it is the client or the agency.
 */
public record FindEnterpriseStaff(Uscc uscc) {
}
