-- REG-1: one enterprise per unified social credit code, claimed in the same transaction as
-- EnterpriseTaxInformationConfirmed and guarded by the primary key across nodes. Resolves a USCC
-- to its aggregate for the staff endpoints. USCC and enterprise id are not personal data.
CREATE TABLE enterprise_register (
    uscc          VARCHAR(18)              PRIMARY KEY,
    enterprise_id VARCHAR(64)              NOT NULL UNIQUE,
    confirmed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One pending or active authorization per enterprise, role and holder (a second nomination of the
-- same person as tax officer is refused, also when two arrive at once on two nodes). Rows are
-- inserted with the authorization's first event and deleted with the event that ends it
-- (rejected, withdrawn, revoked, expired). Holders are HMAC-SHA256 of their identity document
-- under the lookup key, never in clear. valid_until is the instant the authorization stops
-- working (00:00 China Standard Time after its end date of validity); the expiry sweeper finds
-- due authorizations here.
CREATE TABLE authorization_claim (
    authorization_id     VARCHAR(64)              PRIMARY KEY,
    uscc                 VARCHAR(18)              NOT NULL,
    role                 VARCHAR(32)              NOT NULL,
    holder_document_hash VARCHAR(64)              NOT NULL,
    valid_until          TIMESTAMP WITH TIME ZONE,
    claimed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT authorization_claim_one_per_holder UNIQUE (uscc, role, holder_document_hash)
);
CREATE INDEX authorization_claim_valid_until ON authorization_claim (valid_until);
