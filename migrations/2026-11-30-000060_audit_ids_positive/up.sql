-- Audit ids start at 1. (Verification walks from the lowest id anyway, so
-- a row slipped in below 1 by someone who drops this check breaks the chain.)
ALTER TABLE audit_log ADD CONSTRAINT audit_log_id_positive CHECK (id > 0);
