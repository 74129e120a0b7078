-- Changing one's password asks for the current one: wrong answers in a row are counted, and after five
-- changing is blocked for a while (in the database, so that every node of the cluster knows).
alter table account add column password_failures integer default 0 not null;
alter table account add column password_blocked_until timestamp(6) with time zone;
