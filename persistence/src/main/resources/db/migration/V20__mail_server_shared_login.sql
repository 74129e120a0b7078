-- Whether members of a shared mailbox on a server may also log in with the shared mailbox's address and
-- their own password (University B's published client settings). Off unless the administrator turns it on
-- for a server whose Dovecot has the checkpassword passdb of mail-system/README.md.
alter table mail_server add column shared_login boolean default false not null;
