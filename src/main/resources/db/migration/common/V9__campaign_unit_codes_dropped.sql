-- The participants are rows of campaign_unit since V8; the comma-separated list goes.
alter table campaign drop column unit_codes;
