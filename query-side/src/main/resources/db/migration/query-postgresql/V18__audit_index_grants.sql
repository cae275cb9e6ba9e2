-- The audit index and the relationship periods (V16, V17) for the application role, as in V14.
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_query') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON audit_subject_event, audit_learned_subject, audit_event_time,
            audit_relationship_period TO etax_query;
    END IF;
END
$$;
