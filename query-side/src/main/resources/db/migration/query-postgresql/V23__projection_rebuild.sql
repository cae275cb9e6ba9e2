-- Rebuilds without downtime (docs/architecture.md, "Rebuild"; docs/adr/0041): a rebuild writes into copies of
-- the read-model tables in schema etax_rebuild, reached through the rebuild's transaction-local search_path,
-- and once it has caught up they replace the tables in public in one transaction.
--
-- The DDL runs in SECURITY DEFINER functions owned by the migrating role: the query side's role etax_query
-- owns no table, and creating, dropping or moving one needs ownership. The functions accept only the
-- tables listed in etax_rebuild_tables(); a new read-model table is added there by a new migration.
CREATE SCHEMA IF NOT EXISTS etax_rebuild;

CREATE FUNCTION etax_rebuild_tables() RETURNS text[]
    LANGUAGE sql IMMUTABLE
AS
$$
SELECT ARRAY ['person_account', 'person_account_phone', 'started_session', 'ended_session', 'authorization_enterprise',
           'authorization_person', 'authorization_view', 'account_relationship_start', 'account_history',
           'account_history_cleared', 'audit_subject_event', 'audit_learned_subject', 'audit_event_time',
           'audit_relationship_period']
$$;

CREATE FUNCTION etax_rebuild_check(tables text[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS
$$
BEGIN
    IF cardinality(tables) = 0 OR NOT tables <@ public.etax_rebuild_tables() THEN
        RAISE EXCEPTION 'not read-model tables: %', tables USING ERRCODE = '42501';
    END IF;
END
$$;

-- Empty copies of the tables in etax_rebuild: columns, defaults, keys, indexes and checks (LIKE … INCLUDING
-- ALL), then the foreign keys among the copied tables, which LIKE leaves out. No read-model column draws
-- from a sequence, so no default points back at a table in public.
CREATE FUNCTION etax_rebuild_prepare(tables text[]) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS
$$
DECLARE
    t           text;
    foreign_key record;
    keys        text[] := ARRAY []::text[];
BEGIN
    PERFORM etax_rebuild_check(tables);
    FOREACH t IN ARRAY tables
        LOOP
            EXECUTE format('DROP TABLE IF EXISTS etax_rebuild.%I CASCADE', t);
        END LOOP;
    FOREACH t IN ARRAY tables
        LOOP
            EXECUTE format('CREATE TABLE etax_rebuild.%I (LIKE public.%I INCLUDING ALL)', t, t);
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_query') THEN
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON etax_rebuild.%I TO etax_query', t);
            END IF;
        END LOOP;
    -- Read with public first on the path, so that the referenced table is named without its schema.
    FOR foreign_key IN
        SELECT c.conrelid::regclass::text AS child, c.conname, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c
        WHERE c.contype = 'f'
          AND c.conrelid IN (SELECT format('public.%I', x)::regclass FROM unnest(tables) x)
          AND c.confrelid IN (SELECT format('public.%I', x)::regclass FROM unnest(tables) x)
        LOOP
            keys := keys || format('ALTER TABLE etax_rebuild.%I ADD CONSTRAINT %I %s', foreign_key.child,
                                   foreign_key.conname, foreign_key.definition);
        END LOOP;
    PERFORM set_config('search_path', 'etax_rebuild, pg_catalog', true);
    FOREACH t IN ARRAY keys
        LOOP
            EXECUTE t;
        END LOOP;
END
$$;

-- The copies take the tables' place: the old tables are dropped and the copies moved to public, in the
-- caller's transaction (which has locked both sets).
CREATE FUNCTION etax_rebuild_switch(tables text[]) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS
$$
DECLARE
    t text;
BEGIN
    PERFORM etax_rebuild_check(tables);
    FOREACH t IN ARRAY tables
        LOOP
            EXECUTE format('DROP TABLE public.%I CASCADE', t);
        END LOOP;
    FOREACH t IN ARRAY tables
        LOOP
            EXECUTE format('ALTER TABLE etax_rebuild.%I SET SCHEMA public', t);
        END LOOP;
END
$$;

-- A rebuild that failed or was given up leaves nothing behind.
CREATE FUNCTION etax_rebuild_discard(tables text[]) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS
$$
DECLARE
    t text;
BEGIN
    PERFORM etax_rebuild_check(tables);
    FOREACH t IN ARRAY tables
        LOOP
            EXECUTE format('DROP TABLE IF EXISTS etax_rebuild.%I CASCADE', t);
        END LOOP;
END
$$;

REVOKE ALL ON FUNCTION etax_rebuild_prepare(text[]), etax_rebuild_switch(text[]), etax_rebuild_discard(text[]) FROM PUBLIC;

DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'etax_query') THEN
        GRANT USAGE ON SCHEMA etax_rebuild TO etax_query;
        GRANT EXECUTE ON FUNCTION etax_rebuild_prepare(text[]), etax_rebuild_switch(text[]),
            etax_rebuild_discard(text[]) TO etax_query;
    END IF;
END
$$;
