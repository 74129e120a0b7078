-- The holder of a cluster lock is named (the node, a run on a node, or an import), not a random
-- number, so that an operator reading the table sees which node works. Holders are transient: an
-- import that held the lock when the nodes stopped takes it again when it resumes.
alter table cluster_lock drop column holder;
alter table cluster_lock add column holder varchar(160);
