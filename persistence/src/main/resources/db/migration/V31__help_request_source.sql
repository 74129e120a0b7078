-- Where a forgotten-password request came from, so that one source cannot flood the helpdesk's queue
-- with ever-new contact addresses (the limit per contact does not stop that).
alter table help_request add column source_address varchar(64);
create index help_request_source on help_request (source_address, created_at);
