ALTER TABLE organisations DROP COLUMN name_key;
