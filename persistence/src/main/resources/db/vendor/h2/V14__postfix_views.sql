-- What Postfix reads (mail-system/postfix): the mailboxes Dovecot delivers to, and where other addresses
-- expand to, one row per destination (Postfix joins the rows and expands each again, so an alias of a
-- forwarding mailbox follows the forward). A forward that keeps a copy lists the mailbox itself, which
-- Postfix then delivers: an address mapped to itself is not expanded further. A mailbox whose deletion is
-- queued is gone here too, with its aliases and forward.
create view mail_mailboxes as
select m.address as address from mailbox m where m.deletion_queued_at is null;

create view mail_aliases as
select a.address as address, m.address as destination
  from mailbox_alias a join mailbox m on m.id = a.mailbox_id
 where m.deletion_queued_at is null
union all
select m.address, f.target
  from mail_forward f join mailbox m on m.id = f.mailbox_id
 where m.deletion_queued_at is null
union all
select m.address, m.address
  from mailbox m
 where m.forward_keep_copy = true and m.deletion_queued_at is null
   and exists (select 1 from mail_forward f where f.mailbox_id = m.id)
union all
select l.address, d.address
  from distribution_list l join distribution_list_member d on d.list_id = l.id;

-- The userdb also carries the domain's maximum message size, which Dovecot enforces on delivery and its
-- quota-status service answers Postfix with before the message is accepted (a new last column: a replaced
-- view keeps its columns, in order, and its grants).
create or replace view mail_userdb as
select m.address as mail_user,
       m.kind as kind,
       '*:storage=' || m.quota_bytes || 'B' as quota_rule,
       (select listagg(s.address, ',') within group (order by s.address)
          from mailbox_member mm join mailbox s on s.id = mm.mailbox_id
         where mm.account_id = m.owner_id and s.deletion_queued_at is null
           and m.kind in ('PERSONAL', 'ALUMNI') and m.deletion_queued_at is null) as acl_groups,
       d.max_message_bytes || 'B' as quota_max_mail_size
  from mailbox m join mail_domain d on d.id = m.domain_id
 where m.deletion_queued_at is null
    or exists (select 1 from provisioning_change c
                where c.mailbox_id = m.id and c.kind = 'DELETE_MAILBOX' and c.state in ('PENDING', 'FAILED'));
