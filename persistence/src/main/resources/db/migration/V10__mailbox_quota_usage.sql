-- Quota used, as the mail server last reported it, and when: pages show these figures and never ask the
-- mail server while a person waits. The scan runs once per interval in the whole cluster: the node that
-- moves cluster_lock.acquired_at of 'quota-scan' forward does it.
alter table mailbox add column quota_used_bytes bigint;
alter table mailbox add column quota_read_at timestamp(6) with time zone;
insert into cluster_lock (name, holder, acquired_at, last_done_on) values ('quota-scan', null, null, null);
