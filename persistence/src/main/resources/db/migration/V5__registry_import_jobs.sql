-- Registry imports that run as batch jobs: the uploaded file, how far the job got (counted in the same
-- transaction as the people it wrote, so a resumed job neither skips nor repeats a line), the counts, and
-- every rejected line. One import runs at a time in the whole cluster: it holds the row of cluster_lock.

create sequence registry_import_seq start with 1 increment by 50;
create table registry_import (
    id               bigint        not null primary key,
    version          bigint        not null,
    file_name        varchar(255)  not null,
    content          bytea         not null,
    state            varchar(16)   not null,
    started_by       varchar(64)   not null,
    created_at       timestamp(6) with time zone not null,
    finished_at      timestamp(6) with time zone,
    heartbeat_at     timestamp(6) with time zone,
    total_lines      integer       not null,
    processed_lines  integer       not null,
    created_count    integer       not null,
    updated_count    integer       not null,
    unchanged_count  integer       not null,
    rejected_count   integer       not null,
    pause_requested  boolean       default false not null,
    failure          varchar(1000)
);
create index ix_registry_import_created on registry_import (created_at);

create table registry_import_rejection (
    import_id    bigint        not null references registry_import (id),
    line_no      integer       not null,
    registry_id  varchar(64),
    reason_key   varchar(64)   not null,
    reason_args  varchar(1000),
    primary key (import_id, line_no)
);

create table cluster_lock (
    name         varchar(64)  not null primary key,
    holder       bigint,
    acquired_at  timestamp(6) with time zone
);
insert into cluster_lock (name, holder, acquired_at) values ('registry-import', null, null);
