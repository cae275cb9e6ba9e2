-- Fixed windows of the per-client limits (SMS sends per address and per session, failed sign-in
-- look-ups per address). Every count locks its row (SELECT ... FOR UPDATE) first, so a limit holds
-- across command nodes. Addresses and sessions are stored as HMAC-SHA256 under the lookup key.
CREATE TABLE rate_limit_window (
    bucket       VARCHAR(32)              NOT NULL,
    subject_hash VARCHAR(64)              NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    hits         INTEGER                  NOT NULL,
    PRIMARY KEY (bucket, subject_hash)
);
