-- H2 2.2 (the embedded default's) reads an index in one direction only: without these twins of V48's indexes
-- it sorted all requests for every page of a list in newest-first order (2.7 s at 100,000 requests), and all
-- accounts for the account search's page before another or its last page.
-- PostgreSQL reads its indexes both ways and needs none of them.
create index ix_smr_submitted_desc on shared_mailbox_request (submitted_at desc, id desc);
create index ix_smr_address_desc on shared_mailbox_request (address desc, submitted_at desc, id desc);
create index ix_smr_state_desc on shared_mailbox_request (state desc, submitted_at desc, id desc);
create index ix_smr_kind_desc on shared_mailbox_request (kind desc, submitted_at desc, id desc);
create index ix_smr_requester_name_desc on shared_mailbox_request (requester_username desc, submitted_at desc, id desc);
create index ix_smr_requester_desc on shared_mailbox_request (requester_id, submitted_at desc, id desc);
create index ix_account_username_desc on account (username desc);
