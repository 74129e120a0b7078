-- A forward works while its owner may use the mailbox, as the passdb lets them log in: a personal
-- mailbox's while the account is active or leaving, an alumni mailbox's also while it is an alumnus'.
-- A suspended or closed account's mail stays in its mailbox (until the mailbox is deleted) instead of
-- going on to wherever its forward pointed. Aliases and lists are unchanged.
create or replace view mail_aliases as
select a.address as address, m.address as destination
  from mailbox_alias a join mailbox m on m.id = a.mailbox_id
 where m.deletion_queued_at is null
union all
select m.address, f.target
  from mail_forward f join mailbox m on m.id = f.mailbox_id
  join account o on o.id = m.owner_id
 where m.deletion_queued_at is null and o.enabled = true
   and ((m.kind = 'PERSONAL' and o.state in ('ACTIVE', 'LEAVING'))
     or (m.kind = 'ALUMNI' and o.state in ('ACTIVE', 'LEAVING', 'ALUMNI')))
union all
select m.address, m.address
  from mailbox m join account o on o.id = m.owner_id
 where m.forward_keep_copy = true and m.deletion_queued_at is null and o.enabled = true
   and ((m.kind = 'PERSONAL' and o.state in ('ACTIVE', 'LEAVING'))
     or (m.kind = 'ALUMNI' and o.state in ('ACTIVE', 'LEAVING', 'ALUMNI')))
   and exists (select 1 from mail_forward f where f.mailbox_id = m.id)
union all
select l.address, d.address
  from distribution_list l join distribution_list_member d on d.list_id = l.id;
