-- Every session the command side opened (login, scan login, switch), with its person: a token is
-- honoured here only when its sid is a session of the person it names (sub). Built by the
-- "ended-sessions" processor, together with ended_session.
CREATE TABLE started_session (
    session_id               VARCHAR(64) PRIMARY KEY,
    person_id                VARCHAR(64)              NOT NULL,
    password_change_required BOOLEAN                  NOT NULL,
    uscc                     VARCHAR(18),
    enterprise_role          VARCHAR(32),
    started_at               TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The processor reads the history again from its first event, so that every session opened so far
-- is known (the writes of ended_session are upserts: reading an event twice is safe).
DELETE FROM tokenentry WHERE processorname = 'ended-sessions';
