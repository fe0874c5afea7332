-- Late-payment charges computed when a step was planned (statutory interest and fixed compensation), so the notice
-- shows exactly what the planner computed.
alter table action add column late_interest numeric(20, 4);
alter table action add column late_compensation numeric(20, 4);
alter table action add column late_basis text;
