-- Group names are compared by a key (NFKC, lower case, spaces folded),
-- computed by Haven, so that "ORGA" or a full-width "ＯｒｇＡ" cannot sit
-- beside "OrgA" as a different group.
ALTER TABLE organisations ADD COLUMN name_key TEXT;
UPDATE organisations SET name_key = lower(normalize(name, NFKC));
ALTER TABLE organisations ALTER COLUMN name_key SET NOT NULL;
ALTER TABLE organisations ADD CONSTRAINT organisations_name_key_key UNIQUE (name_key);
