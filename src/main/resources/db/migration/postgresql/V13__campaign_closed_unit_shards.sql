-- Units count their end in one of sixteen rows of their campaign, not all in the campaign's row: at
-- 10,000 units ending together they no longer queue for one lock (CampaignService.unitClosed). Only
-- the last units of a campaign (review.campaign.closing-window) also take the campaign's row, so that
-- exactly one of them sees every unit ended.
create table campaign_closed_units (
  campaign_code varchar(40) not null,
  shard integer not null,
  closed integer default 0 not null,
  primary key (campaign_code, shard),
  constraint fk_campaign_closed_units_campaign foreign key (campaign_code) references campaign (code));
insert into campaign_closed_units (campaign_code, shard, closed) select code, 0, closed_units from campaign;
insert into campaign_closed_units (campaign_code, shard, closed)
  select c.code, s.shard, 0 from campaign c cross join (select 1 as shard union all select 2 union all select 3
    union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9
    union all select 10 union all select 11 union all select 12 union all select 13 union all select 14
    union all select 15) s;
