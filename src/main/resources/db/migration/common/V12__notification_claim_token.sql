-- The outbox is claimed a batch at a time (MailDispatcher): one transaction takes every due row it can
-- for one claim, marked with the claim's token, and one transaction records how each was delivered.
alter table notification add column claim_token varchar(40);
create index idx_notification_claim_token on notification (claim_token);
