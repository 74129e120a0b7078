-- When the account's password last changed: sessions that logged in before then end at their next
-- request (a changed or reset password ends the account's other sessions, on every cluster node).
alter table account add column password_changed_at timestamp(6) with time zone;
