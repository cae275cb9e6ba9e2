-- Account center: history information (历史管理信息, ACC-10) and when relationships began.

-- One row per record of a person's history information. record_id is the identifier of the event
-- that made the record, so the command side's HistoryRecordCleared can name it. Written by the
-- processors "account-history" (logins, identity switches) and "authorizations" (ended relationships).
CREATE TABLE account_history (
    record_id        VARCHAR(64)              PRIMARY KEY,
    person_id        VARCHAR(64)              NOT NULL,
    kind             VARCHAR(32)              NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    entry            VARCHAR(32),
    method           VARCHAR(32),
    failure          VARCHAR(64),
    uscc             VARCHAR(18),
    enterprise_name  VARCHAR(200),
    role             VARCHAR(32),
    authorization_id VARCHAR(64),
    ended_how        VARCHAR(16),
    ended_side       VARCHAR(16),
    ended_reason     VARCHAR(64),
    since            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_history_by_person ON account_history (person_id, occurred_at DESC, record_id DESC);

-- ACC-10: records a person hid from their own view (HistoryRecordCleared); keyed by the person,
-- so a clearing never hides anything from anybody else.
CREATE TABLE account_history_cleared (
    person_id  VARCHAR(64)              NOT NULL,
    record_id  VARCHAR(64)              NOT NULL,
    cleared_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, record_id)
);

-- When each relationship came into force (LegalRepresentativeBound, AuthorizationConfirmed):
-- "since when" of the authorized enterprises, and which ended authorizations were relationships.
CREATE TABLE account_relationship_start (
    authorization_id VARCHAR(64)              PRIMARY KEY,
    since            TIMESTAMP WITH TIME ZONE NOT NULL
);
