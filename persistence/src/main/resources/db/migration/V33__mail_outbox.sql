-- Notification mails, written in the transaction of the change they report and sent afterwards by one node
-- of the cluster (the holder of cluster_lock 'mail-outbox'): a node that dies after the commit loses none,
-- and a rolled-back change mails nobody. A mail the relay keeps refusing waits for the helpdesk.
create sequence queued_mail_seq start with 1 increment by 50;
create table queued_mail (
    id               bigint         not null primary key,
    version          bigint         not null,
    -- what the mail shows (To:) and where the relay is told to deliver it (RCPT TO), which differ for a
    -- notice delivered into a mailbox past its forward
    recipient        varchar(320)   not null,
    recipient_name   varchar(1000),
    deliver_to       varchar(320)   not null,
    subject          varchar(2000)  not null,
    body             varchar(65536) not null,
    state            varchar(16)    not null,
    attempts         integer        not null,
    next_attempt_at  timestamp(6) with time zone not null,
    last_error       varchar(2000),
    created_at       timestamp(6) with time zone not null,
    sent_at          timestamp(6) with time zone
);
create index ix_queued_mail_due on queued_mail (state, next_attempt_at, id);
insert into cluster_lock (name, holder, acquired_at, last_done_on) values ('mail-outbox', null, null, null);
