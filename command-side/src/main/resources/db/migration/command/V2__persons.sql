-- Set-based rules (one document, one phone, one username per person): a row per claim,
-- inserted in the same transaction as the registration event and guarded by the primary key.
-- Values are stored as HMAC-SHA256 under the lookup key, never in clear.
CREATE TABLE identity_claim (
    claim_kind VARCHAR(16)              NOT NULL,
    claim_hash VARCHAR(64)              NOT NULL,
    person_id  VARCHAR(64)              NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (claim_kind, claim_hash)
);
CREATE INDEX identity_claim_person ON identity_claim (person_id);

-- Secrets stay out of the event store: the Argon2id hash lives here only.
CREATE TABLE person_credential (
    person_id     VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(255)             NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One AES-256 data key per person, wrapped by the master key. Deleting a row erases that
-- person's personal data from every event at once (crypto-shredding).
CREATE TABLE personal_data_key (
    subject_id  VARCHAR(64) PRIMARY KEY,
    wrapped_key BYTEA                    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Real-name information collected at a service hall (REG-3), keyed by the document's HMAC.
CREATE TABLE offline_collection (
    document_hash VARCHAR(64) PRIMARY KEY,
    collected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    collected_by  VARCHAR(100)             NOT NULL
);
