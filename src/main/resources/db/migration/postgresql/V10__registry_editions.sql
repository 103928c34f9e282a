-- The unit registry in dated editions (UnitRegistry): each accepted edition is kept whole, with who
-- loaded it, when, from what and what it changed; the latest one is the registry in use.
create table registry_edition (
  id bigint not null,
  loaded_at timestamp(6) with time zone not null,
  loaded_by varchar(64) not null,
  source varchar(200) not null,
  unit_count integer not null,
  changes text not null,
  content text not null,
  primary key (id));

-- A campaign takes its units' issuing bodies and national codes with it, beside their names and kinds,
-- so that a later edition never changes an old campaign's documents or map (V11 fills earlier rows).
alter table campaign_unit add column superior_body varchar(200);
alter table campaign_unit add column issuing_body varchar(300);
alter table campaign_unit add column document_symbol varchar(20);
alter table campaign_unit add column place varchar(100);
alter table campaign_unit add column gso_code varchar(10);
