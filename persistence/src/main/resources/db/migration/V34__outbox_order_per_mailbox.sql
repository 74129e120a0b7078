-- A mailbox's changes apply in the order their transactions committed. Their ids cannot say so on a
-- cluster: each node takes ids from the sequence in blocks of 50, so a change committed later on another node
-- may have a smaller id. mailbox_seq numbers a mailbox's changes instead, taken under a lock on the mailbox's
-- row (Outbox.queue), so that of two transactions queueing for one mailbox the later one gets the higher
-- number. Existing rows are numbered by id, the order a single node gave them.
alter table provisioning_change add column mailbox_seq bigint;
update provisioning_change set mailbox_seq =
    (select count(*) from provisioning_change e
      where e.mailbox_id = provisioning_change.mailbox_id and e.id <= provisioning_change.id);
alter table provisioning_change alter column mailbox_seq set not null;
create unique index ux_provisioning_mailbox_seq on provisioning_change (mailbox_id, mailbox_seq);
