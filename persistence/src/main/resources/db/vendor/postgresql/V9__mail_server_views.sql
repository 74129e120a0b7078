-- What the mail servers read: SQL views over the portal's tables (ARCHITECTURE.md, "The portal database is
-- the source of truth"). A mail user is a mailbox address; people log in with that address or with their
-- username (then: their personal mailbox while the account is active or leaving, else their alumni mailbox).
-- Passwords are Postroom's own (Argon2id, PHC string); accounts without one (institutional login) are absent.
-- A mailbox whose deletion is queued is gone for the mail servers. mail-system/README.md shows the queries.

create view mail_passdb as
select m.address as login, m.address as mail_user, '{ARGON2ID}' || a.password_hash as password
  from mailbox m join account a on a.id = m.owner_id
 where a.password_hash is not null and a.enabled = true and m.deletion_queued_at is null
   and ((m.kind = 'PERSONAL' and a.state in ('ACTIVE', 'LEAVING'))
     or (m.kind = 'ALUMNI' and a.state in ('ACTIVE', 'LEAVING', 'ALUMNI')))
union all
select a.username, m.address, '{ARGON2ID}' || a.password_hash
  from mailbox m join account a on a.id = m.owner_id
 where a.password_hash is not null and a.enabled = true and m.deletion_queued_at is null
   and ((m.kind = 'PERSONAL' and a.state in ('ACTIVE', 'LEAVING'))
     or (m.kind = 'ALUMNI' and a.state in ('ACTIVE', 'LEAVING', 'ALUMNI')
         and not exists (select 1 from mailbox p
                          where p.owner_id = a.id and p.kind = 'PERSONAL' and p.deletion_queued_at is null
                            and a.state in ('ACTIVE', 'LEAVING'))));

-- Every mailbox the mail servers keep, with its quota and, for a person's mailbox, the shared mailboxes
-- its owner is a member of (Dovecot's acl_groups: a shared mailbox grants its rights to the group named by
-- its own address).
create view mail_userdb as
select m.address as mail_user,
       m.kind as kind,
       '*:storage=' || m.quota_bytes || 'B' as quota_rule,
       (select string_agg(s.address, ',' order by s.address)
          from mailbox_member mm join mailbox s on s.id = mm.mailbox_id
         where mm.account_id = m.owner_id and s.deletion_queued_at is null
           and m.kind in ('PERSONAL', 'ALUMNI')) as acl_groups
  from mailbox m
 where m.deletion_queued_at is null;

-- The domains the mail servers accept mail for.
create view mail_domains as
select name as domain from mail_domain;

-- The mail servers' own role reads these views and nothing else. Operators create it before the first
-- deployment (see mail-system/README.md); where it does not exist yet, there is nothing to grant.
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'postroom_mail') then
    grant select on mail_passdb, mail_userdb, mail_domains to postroom_mail;
  end if;
end
$$;
