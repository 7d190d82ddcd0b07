-- The audit chain, keyed and ordered. Haven now computes each entry's MAC
-- (HMAC-SHA256 under the audit key from the key file, which PostgreSQL
-- never sees) and assigns its id itself, as the next number after the
-- newest entry, while holding a transaction-scoped advisory lock: the id
-- order is the commit order, and no two entries share a predecessor. The
-- identity column used to hand out ids before the lock was taken, so
-- concurrent writers could commit out of id order and break the chain.
DROP TRIGGER audit_log_chain ON audit_log;
DROP FUNCTION audit_log_chain();
DROP FUNCTION audit_log_canonical(audit_log);
ALTER TABLE audit_log ALTER COLUMN id DROP IDENTITY;

-- 1: written before this migration, hashed without a key in PostgreSQL;
-- 2: signed by Haven with the audit key. Older entries are bound into the
-- keyed chain by the first keyed entry, which chains to a digest of them.
ALTER TABLE audit_log ADD COLUMN chain SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE audit_log ALTER COLUMN chain DROP DEFAULT;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_known CHECK (chain IN (1, 2));

-- One successor per entry, whatever a writer does.
CREATE UNIQUE INDEX audit_log_one_successor ON audit_log (prev_hash) WHERE chain = 2;
