-- A reporter who withdraws their consent to referral withdraws with it
-- every referral no group has answered yet: such a referral is
-- 'withdrawn'. Like a declined one, it no longer holds the case open with
-- its group, so the case can be referred to that group again should the
-- reporter agree again.
ALTER TABLE referrals DROP CONSTRAINT referrals_status_check;
ALTER TABLE referrals ADD CONSTRAINT referrals_status_check
    CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn'));
DROP INDEX referrals_one_open_per_group;
CREATE UNIQUE INDEX referrals_one_open_per_group ON referrals (case_id, organisation_id)
    WHERE status NOT IN ('declined', 'withdrawn');
