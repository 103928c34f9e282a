-- The provincial draft gathers the texts of every unit: 200,000 characters ran out at 200 units
-- (docs/performance.md). A million, with the draft stopping short of it (ProvincialReportService).
alter table provincial_report alter column statistics type varchar(1000000);
alter table provincial_report alter column good_practices type varchar(1000000);
alter table provincial_report alter column recommendations type varchar(1000000);
