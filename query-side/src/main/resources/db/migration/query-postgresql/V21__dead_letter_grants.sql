-- The query side parks and retries the events its projections could not handle (V20__dead_letters.sql).
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_query') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON deadletterentry TO etax_query;
    END IF;
END
$$;
