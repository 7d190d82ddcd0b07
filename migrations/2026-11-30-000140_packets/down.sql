DROP TABLE packets;
