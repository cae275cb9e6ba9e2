-- An enterprise or agent session acts under one relationship (authorization). When that ends
-- (revoked, legal representative replaced, expired) the sessions under it are ended with it.
ALTER TABLE person_session ADD COLUMN authorization_id VARCHAR(64);
CREATE INDEX person_session_authorization ON person_session (authorization_id);
