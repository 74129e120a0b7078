-- In a domain whose people choose their own address, an account exists before its mailbox: it has
-- no contact address until the person has chosen one.
alter table account alter column contact_address drop not null;
