-- Service notices: what administrators tell people about the service (an outage, planned work), shown on
-- every page while they run and kept afterwards as the notices page's history.
create sequence service_notice_seq start with 1 increment by 50;
create table service_notice (
    id           bigint       not null primary key,
    version      bigint       not null,
    severity     varchar(16)  not null,
    starts_at    timestamp(6) with time zone not null,
    ends_at      timestamp(6) with time zone,
    all_domains  boolean      not null,
    created_by   varchar(64)  not null,
    created_at   timestamp(6) with time zone not null,
    ended_by     varchar(64)
);
-- the pages ask for the notices running now: those not yet ended
create index ix_service_notice_ends on service_notice (ends_at, starts_at);
create index ix_service_notice_history on service_notice (starts_at desc, id desc);
create table service_notice_domain (
    notice_id  bigint not null references service_notice (id),
    domain_id  bigint not null references mail_domain (id),
    primary key (notice_id, domain_id)
);
create index ix_service_notice_domain_domain on service_notice_domain (domain_id);
create table service_notice_feature (
    notice_id  bigint      not null references service_notice (id),
    feature    varchar(32) not null,
    primary key (notice_id, feature)
);
create table service_notice_text (
    notice_id  bigint        not null references service_notice (id),
    language   varchar(8)    not null,
    title      varchar(200)  not null,
    body       varchar(5000) not null,
    primary key (notice_id, language)
);
create table notice_dismissal (
    notice_id     bigint not null references service_notice (id),
    account_id    bigint not null references account (id),
    dismissed_at  timestamp(6) with time zone not null,
    primary key (notice_id, account_id)
);
