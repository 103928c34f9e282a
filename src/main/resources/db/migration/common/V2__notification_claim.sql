-- A node claims a notification before sending it, so that several nodes never send one twice.
alter table notification add column claimed_at timestamp(6) with time zone;
create index idx_notification_claimed on notification (state, claimed_at);
