-- One PostgreSQL server, one database per service (each service owns its own).
CREATE DATABASE offers;
CREATE DATABASE registrations;
CREATE DATABASE referrals;
CREATE DATABASE monitoring;
