-- REG-7: the current fixed send window of each phone that was ever sent a code (all purposes
-- together). Every send locks its phone's row (SELECT ... FOR UPDATE) before counting, so the
-- limit of 5 holds across nodes. Phones are stored as HMAC-SHA256 under the lookup key.
CREATE TABLE sms_send_window (
    phone_hash   VARCHAR(64)              PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    sends        INTEGER                  NOT NULL
);

-- The one live code per phone and purpose; a new send replaces it, a valid check deletes it.
-- The code itself is never stored: code_hash is an HMAC of phone, purpose and code.
CREATE TABLE sms_challenge (
    phone_hash  VARCHAR(64)              NOT NULL,
    purpose     VARCHAR(16)              NOT NULL,
    code_hash   VARCHAR(64)              NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    wrong_tries INTEGER                  NOT NULL,
    PRIMARY KEY (phone_hash, purpose)
);
