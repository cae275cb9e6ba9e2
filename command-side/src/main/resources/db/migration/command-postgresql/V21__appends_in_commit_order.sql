-- Appends in commit order (docs/adr/0002-appends-in-commit-order.md). Before an INSERT into
-- domainevententry draws its global index, the transaction takes one transaction-scoped advisory lock
-- and holds it until it commits or rolls back. A global index therefore becomes visible only after
-- every lower one is settled, and a hole a reader sees is a rollback that never fills: Axon's
-- gap-aware reader cannot skip an event that commits late, whatever its gap timeout.
-- A statement trigger fires before the VALUES (and their identity default) are evaluated; a row trigger
-- would fire after. Every writer goes through it (command nodes, the benchmark's seeding tool, imports).
-- PostgreSQL only (location command-{vendor}); H2 serves one node in development.
CREATE FUNCTION append_in_commit_order() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- 'etax_events' as a 64-bit key: hashtext is stable across servers and versions.
    PERFORM pg_advisory_xact_lock(hashtext('etax_events'));
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_append_in_commit_order
    BEFORE INSERT ON domainevententry
    FOR EACH STATEMENT
    EXECUTE FUNCTION append_in_commit_order();
