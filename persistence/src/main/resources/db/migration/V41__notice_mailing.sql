-- A notice mailed to the people of its domains: in batches, each committing its mails with the cursor
-- (the last account mailed), so that a mailing continued after its node died mails nobody twice.
create sequence notice_mailing_seq start with 1 increment by 50;
create table notice_mailing (
    id               bigint       not null primary key,
    version          bigint       not null,
    notice_id        bigint       not null references service_notice (id),
    total            integer      not null,
    mailed           integer      not null,
    without_address  integer      not null,
    last_account_id  bigint       not null,
    started_by       varchar(64)  not null,
    started_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    finished_at      timestamp(6) with time zone
);
create index ix_notice_mailing_notice on notice_mailing (notice_id);
