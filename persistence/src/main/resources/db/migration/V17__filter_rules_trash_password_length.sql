-- A person's filter rules, in their order: one condition (sender, recipient, subject, any header, size),
-- what happens to matching mail (stays in the inbox, goes to a folder or the trash; marked read; a copy
-- forwarded) and whether later rules still apply. Postroom writes them, after the vacation reply, into the
-- mailbox's one Sieve script.
create sequence filter_rule_seq start with 1 increment by 50;
create table filter_rule (
    id           bigint       not null primary key,
    version      bigint       not null,
    mailbox_id   bigint       not null references mailbox (id),
    position     integer      not null,
    enabled      boolean      not null,
    field        varchar(16)  not null,
    header_name  varchar(76),
    match_type   varchar(16),
    match_value  varchar(200),
    size_kb      bigint,
    destination  varchar(16)  not null,
    folder       varchar(100),
    mark_read    boolean      not null,
    forward_to   varchar(320),
    stop_after   boolean      not null,
    updated_at   timestamp(6) with time zone not null
);
create index ix_filter_rule_mailbox on filter_rule (mailbox_id, position);

-- What deleting does for one person: null follows the domain's setting (mail_domain.trash_keeps_deleted),
-- true keeps deleted mail in the trash until it is emptied, false removes it from the trash at the end of
-- each session (Dovecot's autoexpunge, set per user through the userdb: see the views of V18).
alter table mailbox add column trash_keeps_deleted boolean;

-- The shortest password a domain accepts for the accounts whose password Postroom owns.
alter table mail_domain add column password_min_length integer default 10 not null;
