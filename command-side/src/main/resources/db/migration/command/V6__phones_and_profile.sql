-- REG-3: an offline real-name collection is now an event of its own small aggregate
-- (OfflineRealNameCollected, aggregate id "offline-collection-<uuid>"). The gate row points at the
-- latest collection of its document and names the hall; rows from before have neither.
-- Phones (LOGIN-2, LOGIN-3), usernames (LOGIN-7) and the real-name level (REG-5) need no table:
-- their claims are rows of identity_claim, their history is the person's events.
ALTER TABLE offline_collection ADD COLUMN collection_id VARCHAR(64);
ALTER TABLE offline_collection ADD COLUMN hall VARCHAR(200);
