-- The audit index (docs/architecture.md, "Audit"): every event under every subject it concerns, by
-- global index, so that a filtered audit read costs what its answer costs. Rebuilt by replaying the
-- "audit" projection; the event store stays the record.

-- subject_kind: PERSON, USCC or AUTHORIZATION; subject: the id or code as the API takes it.
CREATE TABLE audit_subject_event (
    subject_kind VARCHAR(16) NOT NULL,
    subject      VARCHAR(64) NOT NULL,
    global_index BIGINT      NOT NULL,
    PRIMARY KEY (subject_kind, subject, global_index)
);

-- Aggregates whose later events concern a subject because an earlier event named it (an
-- authorization that named a person, an enterprise or authorization that named a USCC), from which
-- global index on.
CREATE TABLE audit_learned_subject (
    aggregate_id VARCHAR(64) NOT NULL,
    subject_kind VARCHAR(16) NOT NULL,
    subject      VARCHAR(64) NOT NULL,
    learned_at   BIGINT      NOT NULL,
    PRIMARY KEY (aggregate_id, subject_kind, subject)
);
CREATE INDEX audit_learned_subject_by_subject ON audit_learned_subject (subject_kind, subject, learned_at);

-- The event's timestamp in nanoseconds since the epoch: Axon stores it as ISO text whose fraction
-- varies in length, which does not sort as text.
CREATE TABLE audit_event_time (
    global_index BIGINT PRIMARY KEY,
    epoch_nano   BIGINT NOT NULL
);
CREATE INDEX audit_event_time_by_time ON audit_event_time (epoch_nano, global_index);
