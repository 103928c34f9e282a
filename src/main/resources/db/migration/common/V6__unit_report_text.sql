-- The report's long texts move to a table of their own (UnitReport's secondary table): the rows that
-- every process step updates and the progress view reads stay small (docs/performance.md).
create table unit_report_text (
  report_id bigint not null,
  leadership varchar(50000),
  advisory varchar(50000),
  coordination varchar(50000),
  results varchar(50000),
  good_practices varchar(50000),
  assessment varchar(50000),
  recommendations varchar(50000),
  directions varchar(50000),
  nominations varchar(50000),
  selected_practices varchar(50000),
  primary key (report_id),
  constraint fk_unit_report_text_report foreign key (report_id) references unit_report (id));
insert into unit_report_text (report_id, leadership, advisory, coordination, results, good_practices, assessment,
    recommendations, directions, nominations, selected_practices)
  select id, leadership, advisory, coordination, results, good_practices, assessment, recommendations, directions,
      nominations, selected_practices
  from unit_report
  where coalesce(leadership, advisory, coordination, results, good_practices, assessment, recommendations, directions,
      nominations, selected_practices) is not null;
alter table unit_report drop column leadership;
alter table unit_report drop column advisory;
alter table unit_report drop column coordination;
alter table unit_report drop column results;
alter table unit_report drop column good_practices;
alter table unit_report drop column assessment;
alter table unit_report drop column recommendations;
alter table unit_report drop column directions;
alter table unit_report drop column nominations;
alter table unit_report drop column selected_practices;
