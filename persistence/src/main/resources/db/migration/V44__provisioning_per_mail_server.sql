-- Several mail servers (hosting provider E): each mail server row may name the settings Postroom
-- provisions it through (POSTROOM_MAILSERVER_<KEY>_*); none means the default ones (POSTROOM_MAIL_*).
-- Each outbox change is bound to the server its mailbox lived on when it was queued, so that one
-- server's outage holds back only its own changes.
alter table mail_server add column provisioning varchar(32);

alter table provisioning_change add column server_key varchar(32) default 'default' not null;
