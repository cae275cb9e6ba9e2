-- The application role's rights on the table of deadlines (see V22 and V40).
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_command') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON scheduled_tasks TO etax_command;
    END IF;
END
$$;
