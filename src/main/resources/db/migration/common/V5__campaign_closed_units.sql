-- Units run as process instances of their own (no call activity): the campaign counts the units
-- whose review has ended, and the last one wakes the campaign (docs/performance.md).
alter table campaign add column unit_count integer default 0 not null;
alter table campaign add column closed_units integer default 0 not null;
update campaign set unit_count = length(unit_codes) - length(replace(unit_codes, ',', '')) + 1;
