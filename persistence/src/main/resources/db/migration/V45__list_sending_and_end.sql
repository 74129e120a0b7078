-- Who may send to a distribution list (anyone, its members, its owners), its owners (people of the
-- institution who manage its members), the day it ends (a conference, a project) and when it closed. A closed
-- list expands no more (view mail_aliases) and Postfix refuses mail to it with a clear text (mail_lists).
alter table distribution_list add column send_policy varchar(16) default 'ANYONE' not null;
alter table distribution_list add column ends_on date;
alter table distribution_list add column closed_at timestamp(6) with time zone;
create table distribution_list_owner (
    list_id     bigint not null references distribution_list (id),
    account_id  bigint not null references account (id),
    primary key (list_id, account_id)
);
create index ix_distribution_list_owner_account on distribution_list_owner (account_id);
-- the owners were reminded that the list ends (once per end date: moving the end date asks again)
alter table distribution_list add column reminded_at timestamp(6) with time zone;
create index ix_distribution_list_ends_on on distribution_list (ends_on);
insert into cluster_lock (name, holder, acquired_at, last_done_on) values ('list-lifecycle', null, null, null);
