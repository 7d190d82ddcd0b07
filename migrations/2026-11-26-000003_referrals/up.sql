-- Referrals to partner community groups. The summary a caseworker writes
-- for a group, the liaison's updates and a decline's reason are sealed with
-- the case's data key, like the report.

ALTER TABLE organisations
    ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr'));

CREATE TABLE referrals (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- What URLs use: unguessable, so one group cannot walk another's.
    public_id TEXT NOT NULL UNIQUE,
    case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    referred_by BIGINT REFERENCES users (id),
    summary BYTEA NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
    decline_reason BYTEA,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX referrals_organisation_id ON referrals (organisation_id, id);
CREATE INDEX referrals_case_id ON referrals (case_id, id);
-- A case is referred to a group once at a time (again only after a decline).
CREATE UNIQUE INDEX referrals_one_open_per_group ON referrals (case_id, organisation_id) WHERE status <> 'declined';

CREATE TABLE referral_updates (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id BIGINT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id),
    body BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX referral_updates_referral_id ON referral_updates (referral_id, id);

-- The queue's "most urgent first" order is (risk_rank ASC, id DESC): the
-- indexes must have that same mixed direction for PostgreSQL to walk them
-- and stop after one page. Status (the tabs) and community lead, since they
-- are the filters used most; other filters are checked during the walk.
DROP INDEX cases_risk_id;
CREATE INDEX cases_risk_id ON cases (risk_rank, id DESC);
CREATE INDEX cases_status_risk_id ON cases (status, risk_rank, id DESC);
CREATE INDEX cases_status_community_id ON cases (status, community, id);
CREATE INDEX cases_status_community_risk_id ON cases (status, community, risk_rank, id DESC);
