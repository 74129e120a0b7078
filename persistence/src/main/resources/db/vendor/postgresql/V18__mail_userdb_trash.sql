-- The userdb also says how long deleted mail stays in a person's trash: Dovecot's per-user setting
-- namespace/inbox/mailbox/Trash/autoexpunge (dovecot-sql.conf.ext returns the column under that name).
-- Null keeps it until the trash is emptied; '1s' has Dovecot expunge, when a session of the person ends,
-- every message that has been in the trash for a second or longer: deleted mail is gone at once.
create or replace view mail_userdb as
select m.address as mail_user,
       m.kind as kind,
       '*:storage=' || m.quota_bytes || 'B' as quota_rule,
       (select string_agg(s.address, ',' order by s.address)
          from mailbox_member mm join mailbox s on s.id = mm.mailbox_id
         where mm.account_id = m.owner_id and s.deletion_queued_at is null
           and m.kind in ('PERSONAL', 'ALUMNI') and m.deletion_queued_at is null) as acl_groups,
       d.max_message_bytes || 'B' as quota_max_mail_size,
       case when coalesce(m.trash_keeps_deleted, d.trash_keeps_deleted) then null else '1s' end
         as trash_autoexpunge
  from mailbox m join mail_domain d on d.id = m.domain_id
 where m.deletion_queued_at is null
    or exists (select 1 from provisioning_change c
                where c.mailbox_id = m.id and c.kind = 'DELETE_MAILBOX' and c.state in ('PENDING', 'FAILED'));
