-- A national campaign has 10,000 units and more: the list of participants outgrows 20,000 characters.
alter table campaign alter column unit_codes type varchar(1000000);
