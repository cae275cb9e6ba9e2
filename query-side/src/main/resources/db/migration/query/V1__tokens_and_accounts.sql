-- Axon's token store in the shape of its JDBC TokenSchema; the token is bytea (JSON), not a large object.
-- It sits in the same database as the read models, so a batch and its token commit together.
CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorname, segment)
);

-- The account center (账户中心) view: document number and phones masked, never in full.
CREATE TABLE person_account (
    person_id              VARCHAR(64) PRIMARY KEY,
    document_type          VARCHAR(64)              NOT NULL,
    document_number_masked VARCHAR(64)              NOT NULL,
    name                   VARCHAR(200)             NOT NULL,
    username               VARCHAR(20),
    real_name_level        INTEGER                  NOT NULL,
    registered_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE person_account_phone (
    person_id    VARCHAR(64) NOT NULL REFERENCES person_account (person_id) ON DELETE CASCADE,
    phone_masked VARCHAR(16) NOT NULL,
    phone_order  INTEGER     NOT NULL,
    PRIMARY KEY (person_id, phone_order)
);
