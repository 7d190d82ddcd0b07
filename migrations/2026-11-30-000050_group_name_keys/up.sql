-- Group names are compared by a key (NFKC, lower case, spaces folded),
-- computed by Haven, so that "ORGA" or a full-width "ＯｒｇＡ" cannot sit
-- beside "OrgA" as a different group. (Existing groups whose names differ
-- only so would stop this migration: rename one of them first.)
ALTER TABLE organisations ADD COLUMN name_key TEXT;
UPDATE organisations
    SET name_key = lower(regexp_replace(btrim(normalize(name, NFKC)), '\s+', ' ', 'g'));
ALTER TABLE organisations ALTER COLUMN name_key SET NOT NULL;
ALTER TABLE organisations ADD CONSTRAINT organisations_name_key_key UNIQUE (name_key);
