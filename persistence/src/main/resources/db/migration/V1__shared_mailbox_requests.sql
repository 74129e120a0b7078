-- Postroom's first schema: domains with their shared-mailbox policy, accounts and roles, mailboxes with
-- members, shared-mailbox requests and the audit log. Written for H2 and PostgreSQL alike.

create sequence mail_domain_seq start with 1 increment by 50;
create table mail_domain (
    id                                   bigint       not null primary key,
    version                              bigint       not null,
    name                                 varchar(253) not null,
    default_language                     varchar(8)   not null,
    shared_requests_enabled              boolean      not null,
    shared_local_part_max_length         integer      not null,
    shared_local_part_max_dots           integer      not null,
    shared_min_members                   integer      not null,
    shared_max_members                   integer      not null,
    shared_staff_required_with_students  boolean      not null,
    shared_quota_bytes                   bigint       not null,
    shared_forward_allowed               boolean      not null,
    constraint uk_mail_domain_name unique (name)
);

create sequence account_seq start with 1 increment by 50;
create table account (
    id               bigint       not null primary key,
    version          bigint       not null,
    username         varchar(64)  not null,
    display_name     varchar(200) not null,
    contact_address  varchar(320) not null,
    account_type     varchar(16)  not null,
    password_hash    varchar(255),
    language         varchar(8)   not null,
    enabled          boolean      not null,
    created_at       timestamp(6) with time zone not null,
    constraint uk_account_username unique (username),
    constraint ck_account_username_lower check (username = lower(username))
);
create index ix_account_display_name on account (display_name);

create table account_role (
    account_id bigint      not null references account (id),
    role       varchar(16) not null,
    primary key (account_id, role)
);

create sequence mailbox_seq start with 1 increment by 50;
create table mailbox (
    id              bigint       not null primary key,
    version         bigint       not null,
    address         varchar(320) not null,
    domain_id       bigint       not null references mail_domain (id),
    kind            varchar(16)  not null,
    login_name      varchar(320) not null,
    quota_bytes     bigint       not null,
    forward_allowed boolean      not null,
    owner_id        bigint       references account (id),
    created_at      timestamp(6) with time zone not null,
    constraint uk_mailbox_address unique (address),
    constraint ck_mailbox_address_lower check (address = lower(address))
);

create table mailbox_member (
    mailbox_id bigint not null references mailbox (id),
    account_id bigint not null references account (id),
    primary key (mailbox_id, account_id)
);
create index ix_mailbox_member_account on mailbox_member (account_id);

create sequence shared_mailbox_request_seq start with 1 increment by 50;
create table shared_mailbox_request (
    id                bigint        not null primary key,
    version           bigint        not null,
    domain_id         bigint        not null references mail_domain (id),
    requester_id      bigint        not null references account (id),
    local_part        varchar(64)   not null,
    address           varchar(320)  not null,
    -- the address while the request is open, null once closed: the unique index reserves it cluster-wide
    open_address      varchar(320),
    abbreviations     varchar(1000),
    purpose           varchar(2000) not null,
    state             varchar(16)   not null,
    submitted_at      timestamp(6) with time zone not null,
    decided_at        timestamp(6) with time zone,
    decided_by        varchar(64),
    rejection_reason  varchar(2000),
    closed_at         timestamp(6) with time zone,
    mailbox_id        bigint        references mailbox (id),
    constraint uk_shared_mailbox_request_open_address unique (open_address)
);
create index ix_smr_state_submitted on shared_mailbox_request (state, submitted_at, id);
create index ix_smr_requester_submitted on shared_mailbox_request (requester_id, submitted_at, id);

create table shared_mailbox_request_member (
    request_id bigint not null references shared_mailbox_request (id),
    account_id bigint not null references account (id),
    primary key (request_id, account_id)
);

create sequence audit_entry_seq start with 1 increment by 50;
create table audit_entry (
    id            bigint        not null primary key,
    occurred_at   timestamp(6) with time zone not null,
    actor         varchar(64)   not null,
    action        varchar(64)   not null,
    subject_type  varchar(64)   not null,
    subject_id    bigint        not null,
    detail        varchar(4000)
);
create index ix_audit_subject on audit_entry (subject_type, subject_id, occurred_at);
