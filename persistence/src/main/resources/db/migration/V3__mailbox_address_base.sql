-- The generated base of an address (j.de.vries@… for j.de.vries7@…), so that an import finds every address
-- taken for a name with one indexed query, however many people share the name.
alter table mailbox add column address_base varchar(320);
update mailbox set address_base = address;
alter table mailbox alter column address_base set not null;
create index ix_mailbox_address_base on mailbox (address_base);
