-- The provisioning outbox (ARCHITECTURE.md): what lives only on the mail server (a shared mailbox's storage
-- and ACL grant, Sieve scripts, a mailbox's removal) is written here in the same transaction as the change
-- in the portal. One worker in the cluster (the holder of cluster_lock 'provisioning-outbox') applies the
-- rows, in order per mailbox; a row that keeps failing waits for the helpdesk (retry or abandon).
create sequence provisioning_change_seq start with 1 increment by 50;
create table provisioning_change (
    id               bigint         not null primary key,
    version          bigint         not null,
    mailbox_id       bigint         not null references mailbox (id),
    mailbox_address  varchar(320)   not null,
    kind             varchar(32)    not null,
    -- the Sieve script to put, for PUT_SIEVE; nothing for the other kinds
    payload          varchar(65536),
    state            varchar(16)    not null,
    attempts         integer        not null,
    next_attempt_at  timestamp(6) with time zone not null,
    last_error       varchar(2000),
    created_at       timestamp(6) with time zone not null,
    created_by       varchar(64)    not null,
    applied_at       timestamp(6) with time zone,
    closed_by        varchar(64)
);
create index ix_provisioning_due on provisioning_change (state, next_attempt_at, id);
create index ix_provisioning_mailbox on provisioning_change (mailbox_id, id);
insert into cluster_lock (name, holder, acquired_at, last_done_on) values ('provisioning-outbox', null, null, null);

-- The Sieve script Postroom wants active for a mailbox (generated from its settings): what reconcile puts
-- back when the mail server's copy is missing or differs.
create table mailbox_sieve (
    mailbox_id  bigint         not null primary key references mailbox (id),
    version     bigint         not null,
    script      varchar(65536) not null,
    updated_at  timestamp(6) with time zone not null
);

-- A mailbox's vacation reply (the first setting Postroom carries into Sieve).
create table vacation_reply (
    mailbox_id     bigint         not null primary key references mailbox (id),
    version        bigint         not null,
    subject        varchar(200)   not null,
    body           varchar(10000) not null,
    starts_on      date,
    ends_on        date,
    interval_days  integer        not null,
    updated_at     timestamp(6) with time zone not null
);

-- Reconcile runs: progress while one runs, the report after (drift found per kind, changes queued).
create sequence reconcile_run_seq start with 1 increment by 50;
create table reconcile_run (
    id                 bigint        not null primary key,
    version            bigint        not null,
    started_at         timestamp(6) with time zone not null,
    started_by         varchar(64)   not null,
    finished_at        timestamp(6) with time zone,
    state              varchar(16)   not null,
    total              integer       not null,
    checked            integer       not null,
    in_step            integer       not null,
    pending            integer       not null,
    missing_grants     integer       not null,
    missing_scripts    integer       not null,
    differing_scripts  integer       not null,
    stray_scripts      integer       not null,
    unreachable        integer       not null,
    last_mailbox_id    bigint,
    error              varchar(2000)
);
insert into cluster_lock (name, holder, acquired_at, last_done_on) values ('reconcile', null, null, null);
