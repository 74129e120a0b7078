-- The registry import asks, per chunk, which addresses were made from a set of generated bases.
-- With the address in the index the database answers from the index alone (H2, and PostgreSQL's
-- index-only scan) instead of reading every matching mailbox row, which was 13 % of the import's
-- profile on a directory with many similar names (see RegistryImportBenchmark).
create index ix_mailbox_address_base_address on mailbox (address_base, address);
drop index ix_mailbox_address_base;
