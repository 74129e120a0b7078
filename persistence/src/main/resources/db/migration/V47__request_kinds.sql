-- One queue for three kinds of request: a shared mailbox, a distribution list (with its owners, external
-- members, who may send and an end date) and a change of a shared mailbox's members (people to add, people to
-- remove). The columns a kind does not use stay null or empty.
alter table shared_mailbox_request add column kind varchar(24) default 'SHARED_MAILBOX' not null;
alter table shared_mailbox_request add column send_policy varchar(16);
alter table shared_mailbox_request add column ends_on date;
create index ix_smr_kind_state on shared_mailbox_request (kind, state, submitted_at, id);
create table shared_mailbox_request_owner (
    request_id bigint not null references shared_mailbox_request (id),
    account_id bigint not null references account (id),
    primary key (request_id, account_id)
);
create table shared_mailbox_request_external (
    request_id bigint       not null references shared_mailbox_request (id),
    address    varchar(320) not null,
    primary key (request_id, address)
);
create table shared_mailbox_request_removal (
    request_id bigint not null references shared_mailbox_request (id),
    account_id bigint not null references account (id),
    primary key (request_id, account_id)
);
