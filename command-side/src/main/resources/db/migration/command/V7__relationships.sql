-- Relationships in force between persons and enterprises (ACC), for enterprise login (LOGIN-4)
-- and permission checks. Holders are named by the HMAC of their identity document, so the legal
-- representative is bound even before registering (ACC-3). Written with the events that start
-- and end relationships; the event store remains the history.
CREATE TABLE enterprise_relationship (
    authorization_id     VARCHAR(64) PRIMARY KEY,
    enterprise_id        VARCHAR(64) NOT NULL,
    uscc                 VARCHAR(18) NOT NULL,
    holder_document_hash VARCHAR(64) NOT NULL,
    role                 VARCHAR(32) NOT NULL,
    tax_officer_identity VARCHAR(8),
    scopes               VARCHAR(1000),
    valid_until          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX enterprise_relationship_holder ON enterprise_relationship (holder_document_hash);
CREATE INDEX enterprise_relationship_uscc ON enterprise_relationship (uscc);
