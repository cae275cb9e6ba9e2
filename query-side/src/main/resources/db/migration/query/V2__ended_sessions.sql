-- Sessions that ended (logout): their tokens, still unexpired, are refused here too.
CREATE TABLE ended_session (
    session_id VARCHAR(64) PRIMARY KEY,
    person_id  VARCHAR(64)              NOT NULL,
    ended_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
