-- Least privilege (docs/operations.md, "Database roles"): the query side connects as etax_query and
-- writes only its read models and tokens; it reads the events and data keys (granted by the command
-- side's migrations). Granted only where the role exists. Every new query-side table needs its grant
-- here, in a new migration of this folder.
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_query') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON tokenentry, person_account, person_account_phone, ended_session,
            authorization_view, authorization_person, authorization_enterprise, account_history,
            account_history_cleared, account_relationship_start, started_session TO etax_query;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO etax_query;
    END IF;
END
$$;
