-- What mail programs are told, per mail server of a domain: its endpoints (IMAP, POP3, SMTP submission; host,
-- port, security, a note), in order of preference per protocol, the login people type and the webmail. A
-- domain has one server or several (hosting provider E); a mailbox names its server, else the domain's first
-- one applies.
create sequence mail_server_seq start with 1 increment by 50;
create table mail_server (
    id            bigint       not null primary key,
    version       bigint       not null,
    domain_id     bigint       not null references mail_domain (id),
    name          varchar(100) not null,
    position      integer      not null,
    login_format  varchar(16)  not null,
    webmail_url   varchar(500),
    constraint uk_mail_server_name unique (domain_id, name)
);
create table client_endpoint (
    server_id  bigint       not null references mail_server (id),
    position   integer      not null,
    protocol   varchar(8)   not null,
    host       varchar(253) not null,
    port       integer      not null,
    security   varchar(8)   not null,
    note       varchar(200),
    primary key (server_id, position)
);
alter table mailbox add column mail_server_id bigint references mail_server (id);
