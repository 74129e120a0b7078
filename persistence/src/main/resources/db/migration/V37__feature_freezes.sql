-- Frozen features: an administrator stops changes to a part of the service (forwarding, vacation
-- replies, filters, passwords, quota, requests, the registry import) in one domain or in all of them,
-- with a reason, until a planned end or until lifted. Kept after lifting, for the record.
create sequence feature_freeze_seq start with 1 increment by 50;
create table feature_freeze (
    id          bigint        not null primary key,
    version     bigint        not null,
    domain_id   bigint        references mail_domain (id),
    feature     varchar(32)   not null,
    reason      varchar(1000) not null,
    frozen_by   varchar(64)   not null,
    frozen_at   timestamp(6) with time zone not null,
    ends_at     timestamp(6) with time zone,
    lifted_by   varchar(64),
    lifted_at   timestamp(6) with time zone,
    notice_id   bigint        references service_notice (id)
);
-- every change of a freezable feature asks for the freezes running in its domain: those not lifted
create index ix_feature_freeze_running on feature_freeze (lifted_at, ends_at);
create index ix_feature_freeze_history on feature_freeze (frozen_at desc, id desc);
