-- The application role's rights on the table of repeated registrations (see V22).
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_command') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON registration_request TO etax_command;
    END IF;
END
$$;
