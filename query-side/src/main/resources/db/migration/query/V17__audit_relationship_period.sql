-- One row per relationship period (one authorization, folded from its events), so that "who held
-- which role at an instant" is an index range query. Instants are nanoseconds since the epoch;
-- in_force_until already applies the end of validity (00:00 China Standard Time after valid_until).
CREATE TABLE audit_relationship_period (
    authorization_id       VARCHAR(64) PRIMARY KEY,
    granted_global_index   BIGINT      NOT NULL,
    role                   VARCHAR(32),
    uscc                   VARCHAR(18),
    agency_uscc            VARCHAR(18),
    -- the holder as the first event named them: by person id, or by document (type and masked number)
    named_holder_person_id VARCHAR(64),
    holder_document_type   VARCHAR(64),
    holder_document_masked VARCHAR(64),
    holder_person_id       VARCHAR(64),
    granted_event          VARCHAR(64) NOT NULL,
    granted_at             BIGINT      NOT NULL,
    granted_by             VARCHAR(64),
    confirmed_at           BIGINT,
    confirmed_by           VARCHAR(64),
    ended_how              VARCHAR(16),
    ended_at               BIGINT,
    ended_by               VARCHAR(64),
    valid_until            DATE,
    in_force_from          BIGINT,
    in_force_until         BIGINT
);
CREATE INDEX audit_relationship_period_by_uscc ON audit_relationship_period (uscc, in_force_from);
CREATE INDEX audit_relationship_period_by_agency ON audit_relationship_period (agency_uscc, in_force_from);
CREATE INDEX audit_relationship_period_by_holder ON audit_relationship_period (named_holder_person_id, in_force_from);
CREATE INDEX audit_relationship_period_by_document ON audit_relationship_period (holder_document_masked);
