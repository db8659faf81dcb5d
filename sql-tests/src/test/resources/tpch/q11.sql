-- TPC-H Q11, important stock identification, with the validation substitutions
-- NATION = GERMANY and FRACTION = 0.0001 (the specification scales FRACTION as 0.0001 / SF;
-- the validation run at scale factor 1 uses 0.0001). The alias VALUE is quoted because it is a
-- reserved word in standard SQL, which Calcite's parser follows.
select
  ps_partkey,
  sum(ps_supplycost * ps_availqty) as "value"
from
  partsupp,
  supplier,
  nation
where
  ps_suppkey = s_suppkey
  and s_nationkey = n_nationkey
  and n_name = 'GERMANY'
group by
  ps_partkey
having
  sum(ps_supplycost * ps_availqty) > (
    select
      sum(ps_supplycost * ps_availqty) * 0.0001
    from
      partsupp,
      supplier,
      nation
    where
      ps_suppkey = s_suppkey
      and s_nationkey = n_nationkey
      and n_name = 'GERMANY'
  )
order by
  "value" desc;
