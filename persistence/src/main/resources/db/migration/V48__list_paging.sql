-- Lists that page at institution scale (100,000 requests, 50,000 people) without a function or a join
-- per row.
--
-- Accounts keep their name folded for searching (lower case, no accents, no separators: FoldedName in
-- the code, which keeps it with every change of the name); until now the search folded every name with
-- translate() at each query.
alter table account add column search_name varchar(400);
update account set search_name = replace(translate(lower(display_name), 'àáâãäåāăąæçćčďèéêëēėęěìíîïīįıłñńňòóôõöøōőŕřśšşßťùúûüūůűųýÿžźż -.''’', 'aaaaaaaaaacccdeeeeeeeeiiiiiiilnnnoooooooorrsssstuuuuuuuuyyzzz     '), ' ', '');
alter table account alter column search_name set not null;

-- A request keeps its requester's username (which never changes), so that the queue sorts and searches by
-- requester without joining every request to its account; the account is joined for the rows of a page.
alter table shared_mailbox_request add column requester_username varchar(64);
update shared_mailbox_request set requester_username = (select a.username from account a where a.id = requester_id);
alter table shared_mailbox_request alter column requester_username set not null;

-- One index for each order the queue offers, each ending in (submitted_at, id) so that a page continues
-- from the last row of the one before (keyset paging) instead of counting its way there.
create index ix_smr_submitted on shared_mailbox_request (submitted_at, id);
create index ix_smr_address on shared_mailbox_request (address, submitted_at, id);
create index ix_smr_kind_submitted on shared_mailbox_request (kind, submitted_at, id);
create index ix_smr_requester_name on shared_mailbox_request (requester_username, submitted_at, id);
