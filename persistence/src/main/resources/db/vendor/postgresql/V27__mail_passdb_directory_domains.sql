-- mail_passdb as in V9, without the mailboxes of domains whose passwords live in the institution's directory
-- (mail_domain.mail_passwords = 'DIRECTORY'): Dovecot's LDAP passdb checks those logins (mail-system/README.md),
-- and a password a person once had in Postroom no longer opens their mail there.
create or replace view mail_passdb as
select m.address as login, m.address as mail_user, '{ARGON2ID}' || a.password_hash as password
  from mailbox m join account a on a.id = m.owner_id join mail_domain d on d.id = m.domain_id
 where d.mail_passwords = 'POSTROOM' and a.password_hash is not null and a.enabled = true and m.deletion_queued_at is null
   and ((m.kind = 'PERSONAL' and a.state in ('ACTIVE', 'LEAVING'))
     or (m.kind = 'ALUMNI' and a.state in ('ACTIVE', 'LEAVING', 'ALUMNI')))
union all
select a.username, m.address, '{ARGON2ID}' || a.password_hash
  from mailbox m join account a on a.id = m.owner_id join mail_domain d on d.id = m.domain_id
 where d.mail_passwords = 'POSTROOM' and a.password_hash is not null and a.enabled = true and m.deletion_queued_at is null
   and ((m.kind = 'PERSONAL' and a.state in ('ACTIVE', 'LEAVING'))
     or (m.kind = 'ALUMNI' and a.state in ('ACTIVE', 'LEAVING', 'ALUMNI')
         and not exists (select 1 from mailbox p
                          where p.owner_id = a.id and p.kind = 'PERSONAL' and p.deletion_queued_at is null
                            and a.state in ('ACTIVE', 'LEAVING'))));
