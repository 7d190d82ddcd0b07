DROP FUNCTION links_sharing_shown(bytea[], bigint, bigint);
DROP FUNCTION links_waiting_seen();
DROP FUNCTION queue_deadline_counts(bigint[], timestamptz, timestamptz, bigint);
