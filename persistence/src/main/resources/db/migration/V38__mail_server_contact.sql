-- Whether the outbox last reached the mail server: pages tell a person whose change waits that it is
-- applied when the server is back. Written by the node holding the outbox lease when it loses or
-- regains the server, not on every change.
create table mail_server_contact (
    server_name        varchar(64)   not null primary key,
    version            bigint        not null,
    unreachable_since  timestamp(6) with time zone,
    reached_at         timestamp(6) with time zone,
    last_error         varchar(1000)
);
