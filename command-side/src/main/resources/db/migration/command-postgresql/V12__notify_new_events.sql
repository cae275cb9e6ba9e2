-- Tell listening query-side nodes that events were committed (docs/performance.md, "Read-model lag").
-- NOTIFY is transactional: listeners hear it only after the commit, so they never fetch an event
-- that could still roll back, and identical notifications of one transaction arrive once.
-- PostgreSQL only (location command-{vendor}); on H2 the query side keeps polling.
CREATE FUNCTION notify_new_events() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('etax_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_notify
    AFTER INSERT ON domainevententry
    FOR EACH STATEMENT
    EXECUTE FUNCTION notify_new_events();
