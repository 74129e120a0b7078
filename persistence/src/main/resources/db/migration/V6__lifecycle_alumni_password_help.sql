-- The account lifecycle (leaving → closed → mailbox deletion queued), alumni addresses with a recovery
-- address, the helpdesk's help requests (forgotten passwords) and one-time password reset links.

alter table account add column leaving_since date;
alter table account add column closed_on date;
alter table account add column recovery_address varchar(320);
alter table mailbox add column deletion_queued_at timestamp(6) with time zone;
alter table mail_domain add column alumni_domain_id bigint references mail_domain (id);

-- daily work done once per cluster: the node that moves last_done_on to today does it
alter table cluster_lock add column last_done_on date;
insert into cluster_lock (name, holder, acquired_at, last_done_on) values ('account-lifecycle', null, null, null);

create sequence help_request_seq start with 1 increment by 50;
create table help_request (
    id                bigint        not null primary key,
    version           bigint        not null,
    kind              varchar(24)   not null,
    claimed_identity  varchar(320)  not null,
    contact_address   varchar(320)  not null,
    message           varchar(2000),
    account_id        bigint        references account (id),
    state             varchar(16)   not null,
    created_at        timestamp(6) with time zone not null,
    handled_by        varchar(64),
    handled_at        timestamp(6) with time zone
);
create index ix_help_request_state on help_request (state, created_at);

create sequence password_reset_seq start with 1 increment by 50;
create table password_reset (
    id           bigint       not null primary key,
    account_id   bigint       not null references account (id),
    token_hash   varchar(64)  not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(64)  not null,
    expires_at   timestamp(6) with time zone not null,
    used_at      timestamp(6) with time zone,
    constraint uk_password_reset_token unique (token_hash)
);
create index ix_password_reset_account on password_reset (account_id);
