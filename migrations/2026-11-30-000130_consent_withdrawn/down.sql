-- Back to three states: a withdrawn referral reads as declined (without a
-- reason), which is also how it stood towards its group.
DROP INDEX referrals_one_open_per_group;
UPDATE referrals SET status = 'declined' WHERE status = 'withdrawn';
ALTER TABLE referrals DROP CONSTRAINT referrals_status_check;
ALTER TABLE referrals ADD CONSTRAINT referrals_status_check
    CHECK (status IN ('pending', 'accepted', 'declined'));
CREATE UNIQUE INDEX referrals_one_open_per_group ON referrals (case_id, organisation_id)
    WHERE status <> 'declined';
