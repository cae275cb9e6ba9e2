-- The name collected at the hall, as a keyed hash: an online registration resting on the collection
-- must name the same person (REG-3, REG-4). Null for collections recorded before names were kept.
ALTER TABLE offline_collection ADD COLUMN name_hash VARCHAR(64);
