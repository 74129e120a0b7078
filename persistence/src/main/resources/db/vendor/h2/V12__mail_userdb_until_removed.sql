-- A mailbox whose deletion is queued stays known to the mail servers' userdb (never to passdb: nobody
-- logs in to it) until the outbox has removed its mail: Postroom's master user needs it to do that.
create or replace view mail_userdb as
select m.address as mail_user,
       m.kind as kind,
       '*:storage=' || m.quota_bytes || 'B' as quota_rule,
       (select listagg(s.address, ',') within group (order by s.address)
          from mailbox_member mm join mailbox s on s.id = mm.mailbox_id
         where mm.account_id = m.owner_id and s.deletion_queued_at is null
           and m.kind in ('PERSONAL', 'ALUMNI') and m.deletion_queued_at is null) as acl_groups
  from mailbox m
 where m.deletion_queued_at is null
    or exists (select 1 from provisioning_change c
                where c.mailbox_id = m.id and c.kind = 'DELETE_MAILBOX' and c.state in ('PENDING', 'FAILED'));
