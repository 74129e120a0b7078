-- Work a node does once at start (demo data, the first administrator) holds this row locked for its
-- transaction, so that nodes starting together do it one after the other and the second finds it done.
insert into cluster_lock (name, holder, acquired_at, last_done_on) values ('startup', null, null, null);
