-- What a domain tells its people on its help pages, per topic and language, written by administrators in
-- Markdown; a topic without a text of the domain's shows the product's default text.
create sequence help_text_seq start with 1 increment by 50;
create table help_text (
    id          bigint         not null primary key,
    version     bigint         not null,
    domain_id   bigint         not null references mail_domain (id),
    topic       varchar(32)    not null,
    language    varchar(8)     not null,
    body        varchar(20000) not null,
    updated_by  varchar(64)    not null,
    updated_at  timestamp(6) with time zone not null,
    constraint uq_help_text unique (domain_id, topic, language)
);
