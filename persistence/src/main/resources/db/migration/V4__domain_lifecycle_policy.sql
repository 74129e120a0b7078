-- How long an account keeps working after its last affiliation ended, and how long a closed account's
-- mailbox is kept before its deletion is queued. Both part of a domain's mailbox policy.

alter table mail_domain add column leaving_grace_days integer default 30 not null;
alter table mail_domain add column closed_retention_days integer default 90 not null;
