-- What Postfix asks about a distribution list before it accepts mail for it (the policy service
-- mail-system/postfix/postroom-policy): mail_lists gives each list's sending rule and whether it has closed;
-- mail_list_senders the envelope senders a list restricted to its members or owners accepts (its members'
-- addresses, and its owners' own mailboxes, for both rules). mail_aliases no longer expands a closed list.
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
  from distribution_list l join distribution_list_member d on d.list_id = l.id
 where l.closed_at is null;

create view mail_lists as
select l.address as address, l.send_policy as send_policy, l.closed_at as closed_at
  from distribution_list l;

create view mail_list_senders as
select l.address as list_address, d.address as sender
  from distribution_list l join distribution_list_member d on d.list_id = l.id
 where l.send_policy = 'MEMBERS'
union all
select l.address, p.address
  from distribution_list l
  join distribution_list_owner o on o.list_id = l.id
  join mailbox p on p.owner_id = o.account_id and p.kind = 'PERSONAL' and p.deletion_queued_at is null
 where l.send_policy in ('MEMBERS', 'OWNERS');

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'postroom_mail') then
    grant select on mail_aliases, mail_lists, mail_list_senders to postroom_mail;
  end if;
end
$$;
