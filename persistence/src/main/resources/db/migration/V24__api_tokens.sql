-- The keys with which other systems (the registry feed, a scheduler, monitoring) call /api: made by an
-- administrator with a name, a scope and an expiry, shown once and kept only as the SHA-256 of the secret
-- (a random 256-bit value, so a fast hash suffices and every call costs one indexed lookup). Revoked keys
-- stay, for the history of who used what.
create sequence api_token_seq start with 1 increment by 50;
create table api_token (
    id             bigint       not null primary key,
    version        bigint       not null,
    name           varchar(60)  not null,
    scope          varchar(16)  not null,
    secret_sha256  varchar(64)  not null,
    hint           varchar(12)  not null,
    created_at     timestamp(6) with time zone not null,
    created_by     varchar(64)  not null,
    expires_at     timestamp(6) with time zone not null,
    revoked_at     timestamp(6) with time zone,
    revoked_by     varchar(64),
    last_used_at   timestamp(6) with time zone,
    uses           bigint       not null,
    constraint uq_api_token_name unique (name),
    constraint uq_api_token_secret unique (secret_sha256)
);
