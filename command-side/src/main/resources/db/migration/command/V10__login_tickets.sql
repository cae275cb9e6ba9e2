-- QR login tickets (扫码登录, LOGIN-5): shown by the web, approved by an app session, exchanged once.
CREATE TABLE login_ticket (
    ticket_id       VARCHAR(64) PRIMARY KEY,
    status          VARCHAR(16)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    person_id       VARCHAR(64),
    app             VARCHAR(16),
    entry           VARCHAR(32),
    uscc            VARCHAR(18),
    enterprise_role VARCHAR(32),
    used_at         TIMESTAMP WITH TIME ZONE
);
