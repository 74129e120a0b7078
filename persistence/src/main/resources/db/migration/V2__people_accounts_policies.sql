-- People from the registry, their affiliations, the link to their account, and the per-domain policy for
-- personal mailboxes (address scheme, quotas per account type, forwarding, message size, delegation).

alter table mail_domain add column address_scheme varchar(24) default 'USERNAME' not null;
alter table mail_domain add column local_part_max_length integer default 64 not null;
alter table mail_domain add column quota_student_bytes bigint default 1000000000 not null;
alter table mail_domain add column quota_staff_bytes bigint default 1000000000 not null;
alter table mail_domain add column quota_external_bytes bigint default 1000000000 not null;
alter table mail_domain add column quota_alumni_bytes bigint default 1000000000 not null;
alter table mail_domain add column quota_warning_percent integer default 90 not null;
alter table mail_domain add column forward_policy varchar(16) default 'ANY' not null;
alter table mail_domain add column max_message_bytes bigint default 26214400 not null;
alter table mail_domain add column trash_keeps_deleted boolean default true not null;
alter table mail_domain add column settings_managed_by varchar(16) default 'USER' not null;

create sequence person_seq start with 1 increment by 50;
create table person (
    id           bigint       not null primary key,
    version      bigint       not null,
    registry_id  varchar(64)  not null,
    given_names  varchar(200),
    initials     varchar(40),
    infixes      varchar(60),
    surname      varchar(200) not null,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    constraint uk_person_registry_id unique (registry_id)
);

create sequence affiliation_seq start with 1 increment by 50;
create table affiliation (
    id         bigint      not null primary key,
    person_id  bigint      not null references person (id),
    kind       varchar(16) not null,
    starts_on  date        not null,
    ends_on    date
);
create index ix_affiliation_person on affiliation (person_id);

alter table account add column person_id bigint references person (id);
alter table account add column domain_id bigint references mail_domain (id);
alter table account add column state varchar(16) default 'ACTIVE' not null;
alter table account add constraint uk_account_person unique (person_id);
create index ix_mailbox_owner on mailbox (owner_id);
