-- Least privilege (docs/operations.md, "Database roles"): the applications connect as etax_command and
-- etax_query, never as the owner of these tables (the role Flyway migrates with). Granted only where
-- those roles exist; with one role for everything (development, tests) there is nothing to grant.
-- Events are append-only for the command side and read-only for the query side, which also reads
-- the data keys that open personal data. Every new command-side table needs its grant here, in a new
-- migration of this folder.
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_command') THEN
        GRANT SELECT, INSERT ON domainevententry TO etax_command;
        GRANT SELECT, INSERT, DELETE ON snapshotevententry TO etax_command;
        GRANT SELECT, INSERT, UPDATE, DELETE ON identity_claim, person_credential, personal_data_key,
            offline_collection, sms_send_window, sms_challenge, person_session, login_ticket, province_credential,
            enterprise_register, enterprise_relationship, authorization_claim, cross_region_matter, rate_limit_window
            TO etax_command;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO etax_command;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_query') THEN
        GRANT SELECT ON domainevententry, personal_data_key TO etax_query;
    END IF;
END
$$;
