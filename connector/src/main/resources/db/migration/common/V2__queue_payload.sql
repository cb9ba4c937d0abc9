-- The mapped Spotler values of a queued upsert (a JSON object), taken when the change was read from Dataverse, so the
-- sender needs no second read of the record. A newer change of the same record replaces it. NULL for removals.
ALTER TABLE outbound_queue ADD COLUMN payload TEXT;
