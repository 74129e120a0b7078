-- The SHA-256 of each uploaded registry file, so that the same file uploaded twice in a row (a
-- reloaded result page, a double click, a retried API call) is recognised and refused.
alter table registry_import add column content_sha256 varchar(64);
