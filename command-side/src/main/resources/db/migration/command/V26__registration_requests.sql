-- Registration requests already answered or under way, so that a repeated request (a double click,
-- a client's retry) answers with the same person instead of a second registration or a refusal.
-- Keyed by a keyed hash of the client's Idempotency-Key, or of the request body when none was sent;
-- the body is kept only as a keyed hash too (it holds the password). Rows expire.
CREATE TABLE registration_request (
    request_key  VARCHAR(64)              PRIMARY KEY,
    body_hash    VARCHAR(64)              NOT NULL,
    person_id    VARCHAR(64)              NOT NULL,
    completed    BOOLEAN                  NOT NULL DEFAULT FALSE,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX registration_request_expiry ON registration_request (expires_at);
