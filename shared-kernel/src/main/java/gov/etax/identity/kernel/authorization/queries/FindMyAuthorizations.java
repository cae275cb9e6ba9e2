package gov.etax.identity.kernel.authorization.queries;

import gov.etax.identity.kernel.person.PersonId;

/** The person's pending and active authorizations (待确认授权, 已授权企业; ACC-4, ACC-5, ACC-7). */
public record FindMyAuthorizations(PersonId personId) {
}
