-- Who may send from an address through submission (Postfix's smtpd_sender_login_maps, mail-system/postfix):
-- one row per login Dovecot answers (the mailbox address) that may use it. A mailbox's own address and its
-- aliases: its own login (for a shared mailbox, the login with its address that its server may allow). A
-- shared mailbox's address and aliases: each member's personal mailbox too, so that staff send as the
-- functional address from their own login. Lists and forward targets are nobody's to send from.
create view mail_senders as
select m.address as address, m.address as login
  from mailbox m
 where m.deletion_queued_at is null
union all
select a.address, m.address
  from mailbox_alias a join mailbox m on m.id = a.mailbox_id
 where m.deletion_queued_at is null
union all
select s.address, p.address
  from mailbox s
  join mailbox_member mm on mm.mailbox_id = s.id
  join mailbox p on p.owner_id = mm.account_id and p.kind = 'PERSONAL' and p.deletion_queued_at is null
 where s.kind = 'SHARED' and s.deletion_queued_at is null
union all
select a.address, p.address
  from mailbox_alias a
  join mailbox s on s.id = a.mailbox_id and s.kind = 'SHARED' and s.deletion_queued_at is null
  join mailbox_member mm on mm.mailbox_id = s.id
  join mailbox p on p.owner_id = mm.account_id and p.kind = 'PERSONAL' and p.deletion_queued_at is null;
