-- Addresses that deliver elsewhere, which Postfix reads through the view mail_aliases (V14): extra addresses
-- of a mailbox, a mailbox's forward (its targets in order, and whether the mailbox keeps a copy), and
-- distribution lists (an address that expands to its members' addresses, inside or outside Postroom).

create sequence mailbox_alias_seq start with 1 increment by 50;
create table mailbox_alias (
    id          bigint       not null primary key,
    mailbox_id  bigint       not null references mailbox (id),
    address     varchar(320) not null,
    created_at  timestamp(6) with time zone not null,
    constraint uk_mailbox_alias_address unique (address)
);
create index ix_mailbox_alias_mailbox on mailbox_alias (mailbox_id);

alter table mailbox add column forward_keep_copy boolean default false not null;
create table mail_forward (
    mailbox_id  bigint       not null references mailbox (id),
    position    integer      not null,
    target      varchar(320) not null,
    primary key (mailbox_id, position)
);
-- a loop check follows forwards backwards too: who forwards to this address?
create index ix_mail_forward_target on mail_forward (target);

create sequence distribution_list_seq start with 1 increment by 50;
create table distribution_list (
    id          bigint       not null primary key,
    version     bigint       not null,
    address     varchar(320) not null,
    domain_id   bigint       not null references mail_domain (id),
    purpose     varchar(500),
    created_at  timestamp(6) with time zone not null,
    constraint uk_distribution_list_address unique (address)
);
create table distribution_list_member (
    list_id  bigint       not null references distribution_list (id),
    address  varchar(320) not null,
    primary key (list_id, address)
);
