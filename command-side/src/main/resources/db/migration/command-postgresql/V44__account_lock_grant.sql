-- The application role's rights on the table of account locks (see V22 and V43).
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_command') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON account_lock TO etax_command;
    END IF;
END
$$;
