DROP TABLE evidence;
DROP TABLE cases;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE organisations;
