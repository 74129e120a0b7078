-- Nothing to do on PostgreSQL: it reads V48's indexes in both directions. (H2 2.2 does not; its twin of this
-- migration adds descending indexes.)
select 1;
