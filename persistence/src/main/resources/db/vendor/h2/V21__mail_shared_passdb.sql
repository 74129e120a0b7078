-- University B: members log in to a shared mailbox with its address and their own password. Dovecot's SQL
-- passdb cannot do this (one login, several members' passwords), so a checkpassword passdb after it
-- (mail-system/dovecot/postroom-shared-login) reads this view and checks the password typed against each
-- member's Argon2id hash. One row per member who may: the shared mailbox is live and its server (its own,
-- else its domain's first) lets members log in with its address; the member has a Postroom password and
-- an active or leaving account, as for logging in to their own mailbox (mail_passdb).
create view mail_shared_passdb as
select s.address as login, a.username as member, a.password_hash as password_hash
  from mailbox s
  join mail_server srv
    on srv.id = coalesce(s.mail_server_id,
                         (select f.id from mail_server f where f.domain_id = s.domain_id
                           order by f.position fetch first 1 rows only))
  join mailbox_member mm on mm.mailbox_id = s.id
  join account a on a.id = mm.account_id
 where s.kind = 'SHARED' and s.deletion_queued_at is null and srv.shared_login = true
   and a.password_hash is not null and a.enabled = true and a.state in ('ACTIVE', 'LEAVING');
