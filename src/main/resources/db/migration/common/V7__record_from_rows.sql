-- What decides the record is read from the application's rows, never from process variables
-- (docs/security.md): the campaign keeps its ladder's durations and its participants, each unit's
-- record the due date of its current round, when that round began and when its review ended.
alter table campaign add column first_reminder_days integer default 7 not null;
alter table campaign add column second_reminder_days integer default 2 not null;
alter table campaign add column escalation_interval_days integer default 3 not null;
alter table campaign add column evaluation_days integer default 5 not null;
alter table campaign add column conference_reminder_days integer default 7 not null;
-- A duration below one day would make a timer cycle that fires without end.
alter table campaign add constraint ck_campaign_ladder check (first_reminder_days >= 1 and second_reminder_days >= 1
  and escalation_interval_days >= 1 and evaluation_days >= 1 and conference_reminder_days >= 1);

-- The participating units, one row each, with the name and kind they had when the campaign started.
create table campaign_unit (
  campaign_code varchar(40) not null,
  unit_code varchar(20) not null,
  ordinal integer not null,
  unit_name varchar(200) not null,
  kind varchar(20) not null,
  primary key (campaign_code, unit_code),
  constraint fk_campaign_unit_campaign foreign key (campaign_code) references campaign (code));
create index idx_campaign_unit_position on campaign_unit (campaign_code, ordinal);

alter table unit_report add column due_at timestamp(6) with time zone;
alter table unit_report add column round_started_at timestamp(6) with time zone;
alter table unit_report add column ended_at timestamp(6) with time zone;
-- Units under revision are due by PV01's latest revision date, the others by the report deadline.
update unit_report set due_at = coalesce(
  (select max(d.revision_due_at) from report_decision d
    where d.campaign_code = unit_report.campaign_code and d.unit_code = unit_report.unit_code
      and d.stage = 'EVALUATION' and d.decision = 'REVISE'),
  (select c.report_deadline from campaign c where c.code = unit_report.campaign_code));

-- A reminder or escalation names its recipients by role; a person's act names who acted, and an
-- explanation the date promised, each in a column of its own so that a person's 4,000 characters fit.
alter table deadline_event add column actor varchar(64);
alter table deadline_event add column committed_date timestamp(6) with time zone;
update deadline_event set recipients = case kind
    when 'REMINDER' then 'Cán bộ đơn vị'
    when 'OVERDUE' then 'Lãnh đạo đơn vị, Phòng PV01'
    when 'ESCALATION' then 'Ban Chỉ đạo tỉnh, Lãnh đạo Phòng PV01'
    when 'EVALUATION_REMINDER' then 'Lãnh đạo Phòng PV01'
    when 'MISSING_REPORTS_SUMMARY' then 'Ban Chỉ đạo tỉnh'
    when 'CONFERENCE_REMINDER' then 'Phòng PV01'
    when 'CONFERENCE_OVERDUE' then 'Ban Chỉ đạo tỉnh, Lãnh đạo Phòng PV01'
    when 'CUTOFF' then case when recipients is null or recipients = '' then null else 'Ban Chỉ đạo tỉnh' end
    else null end
  where skipped = false;
update deadline_event set recipients = null where skipped = true;
