-- Mail to many (a notice mailed to a domain's people) goes after the mail about one person's own
-- change (a reset link, a confirmation): the outbox sends the bulk in small slices between them.
alter table queued_mail add column bulk boolean default false not null;
create index ix_queued_mail_due_bulk on queued_mail (state, bulk, next_attempt_at, id);
