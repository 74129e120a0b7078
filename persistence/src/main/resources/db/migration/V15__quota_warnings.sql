-- Which quota warning a mailbox's people were last mailed: 0 none, 1 past the domain's warning threshold,
-- 2 full. The warning job raises it with a conditional update in the transaction that queues the mail, so a
-- crossing is mailed once, whichever node runs the job and wherever one dies; it follows the usage down, so
-- that the next crossing is mailed again.
alter table mailbox add column quota_warned_level integer default 0 not null;
alter table mailbox add column quota_warned_at timestamp(6) with time zone;
