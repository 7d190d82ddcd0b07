ALTER TABLE organisations DROP COLUMN age_recipient, DROP COLUMN kind;
