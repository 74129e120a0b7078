-- Where the mail server checks a domain's passwords: POSTROOM (the view mail_passdb) or DIRECTORY (the
-- institution's LDAP, Dovecot's LDAP passdb; mail_passdb then leaves the domain out, see the vendor views).
alter table mail_domain add column mail_passwords varchar(16) default 'POSTROOM' not null;
