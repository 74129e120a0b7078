-- A change queued by a reconcile to put back what the mail server lost: the person's page says so
-- ("the mail server had lost …; Postroom restored it at …").
alter table provisioning_change add column repair boolean default false not null;
