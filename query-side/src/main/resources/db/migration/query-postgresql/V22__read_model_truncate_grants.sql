-- A replay empties a read model with TRUNCATE (ReadModelTables): the query side's role needs the right to.
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_query') THEN
        GRANT TRUNCATE ON person_account, person_account_phone, ended_session, started_session, authorization_view,
            authorization_person, authorization_enterprise, audit_subject_event, audit_learned_subject,
            audit_event_time, audit_relationship_period TO etax_query;
    END IF;
END
$$;
