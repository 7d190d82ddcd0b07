-- A referral its reporter withdrew keeps no copy of its key for its group:
-- erased for those withdrawn before the copy was erased on withdrawal, and
-- never written back (by a key rotation, say) from now on.
UPDATE referrals SET group_key_id = NULL, group_key = NULL WHERE status = 'withdrawn';
ALTER TABLE referrals ADD CONSTRAINT referrals_withdrawn_no_group_key
    CHECK (status <> 'withdrawn' OR (group_key_id IS NULL AND group_key IS NULL));
