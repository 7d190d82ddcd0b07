DROP INDEX cases_status_community_risk_id;
DROP INDEX cases_status_community_id;
DROP INDEX cases_status_risk_id;
DROP INDEX cases_risk_id;
CREATE INDEX cases_risk_id ON cases (risk_rank, id);
DROP TABLE referral_updates;
DROP TABLE referrals;
ALTER TABLE organisations DROP COLUMN language;
