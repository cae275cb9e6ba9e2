-- Read models of enterprises and person–enterprise authorizations (ACC-1..ACC-7), built by the
-- processor "authorizations" (one segment: see AuthorizationProjection).

-- Enterprise names for the views (USCC and name are not personal data).
CREATE TABLE authorization_enterprise (
    enterprise_id VARCHAR(64)  PRIMARY KEY,
    uscc          VARCHAR(18)  NOT NULL UNIQUE,
    name          VARCHAR(200) NOT NULL
);

-- One row per authorization. Document numbers are masked; holder_document_sealed keeps the
-- event's ciphertext (under the authorization's own data key) only while the holder is not known
-- as a registered person, so that a later registration can be matched to it; it is cleared then.
CREATE TABLE authorization_view (
    authorization_id       VARCHAR(64)              PRIMARY KEY,
    enterprise_id          VARCHAR(64)              NOT NULL,
    uscc                   VARCHAR(18)              NOT NULL,
    role                   VARCHAR(32)              NOT NULL,
    tax_officer_identity   VARCHAR(8),
    scopes                 VARCHAR(1000)            NOT NULL,
    valid_until            DATE,
    status                 VARCHAR(16)              NOT NULL,
    awaiting               VARCHAR(16),
    holder_person_id       VARCHAR(64),
    holder_name            VARCHAR(200),
    holder_document_type   VARCHAR(64)              NOT NULL,
    holder_document_masked VARCHAR(64)              NOT NULL,
    holder_document_sealed VARCHAR(1000),
    agency_enterprise_id   VARCHAR(64),
    agency_uscc            VARCHAR(18),
    ended_side             VARCHAR(16),
    ended_reason           VARCHAR(32),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX authorization_view_holder ON authorization_view (holder_person_id);
CREATE INDEX authorization_view_uscc ON authorization_view (uscc);
CREATE INDEX authorization_view_agency ON authorization_view (agency_uscc);
CREATE INDEX authorization_view_unmatched ON authorization_view (holder_document_type, holder_document_masked);

-- Registered persons as this projection needs them: the name for staff lists, and the masked and
-- sealed (under the person's own key) document to recognise a holder named before registering.
CREATE TABLE authorization_person (
    person_id       VARCHAR(64)   PRIMARY KEY,
    document_type   VARCHAR(64)   NOT NULL,
    document_masked VARCHAR(64)   NOT NULL,
    document_sealed VARCHAR(1000),
    name            VARCHAR(200)
);
CREATE INDEX authorization_person_document ON authorization_person (document_type, document_masked);
