-- A migrated person's initial password (PWD-2) must be replaced at first login.
ALTER TABLE person_credential ADD COLUMN must_change BOOLEAN NOT NULL DEFAULT FALSE;

-- Sessions opened by LoginSucceeded; ended_at set by logout. Tokens of an ended session are
-- refused on the command side at once (the query side learns it from SessionEnded).
CREATE TABLE person_session (
    session_id               VARCHAR(64) PRIMARY KEY,
    person_id                VARCHAR(64)              NOT NULL,
    entry                    VARCHAR(32)              NOT NULL,
    method                   VARCHAR(32)              NOT NULL,
    issued_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at                 TIMESTAMP WITH TIME ZONE,
    password_change_required BOOLEAN                  NOT NULL
);
CREATE INDEX person_session_person ON person_session (person_id);
