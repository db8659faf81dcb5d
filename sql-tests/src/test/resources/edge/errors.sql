-- Statements that must fail in WarpSQL with a standard SQLState: 22012 for division by zero and
-- 22003 for a value out of the range of its type. DuckDB is not asked, because it returns NULL
-- or infinity for some of these and its errors carry no standard SQLStates.

-- error 22012
SELECT id, int_v / (int_v - int_v) FROM nullable_types;

-- error 22012
SELECT id, big_v / (id - 4) FROM nullable_types;

-- error 22012
SELECT id, dec_v / (int_v - int_v) FROM nullable_types WHERE int_v IS NOT NULL;

-- error 22012
SELECT id, MOD(int_v, id - 4) FROM nullable_types;

-- error 22012
SELECT l_orderkey FROM lineitem WHERE l_quantity / (l_linenumber - l_linenumber) > 1;

-- error 22012
SELECT SUM(l_linenumber / (l_linenumber - 1)) FROM lineitem;

-- error 22003
SELECT id, int_v * 2 FROM nullable_types;

-- error 22003
SELECT id, int_v + 1000 FROM nullable_types;

-- error 22003
SELECT id, big_v * 3 FROM nullable_types;

-- error 22003
SELECT id, big_v + big_v + big_v FROM nullable_types;

-- error 22003
SELECT id, -(big_v * 2 + big_v / 2 * 2) FROM nullable_types;

-- error 22003
SELECT id, CAST(big_v AS INTEGER) FROM nullable_types;

-- error 22003
SELECT id, CAST(dec_v AS DECIMAL(4,2)) FROM nullable_types;

-- error 22003
SELECT id, CAST(dbl_v AS INTEGER) FROM nullable_types;

-- error 22003
SELECT id, CAST(dbl_v AS DECIMAL(15,2)) FROM nullable_types;

-- error 22003
SELECT SUM(int_v * 1000) FROM nullable_types;

-- error 22003
SELECT SUM(l_orderkey * 1000000000000) FROM lineitem;

-- The standard defines no cast from BOOLEAN to a number, so validation rejects it.
-- error 42000
SELECT id, CAST(bool_v AS INTEGER) FROM nullable_types;

-- Division by zero in a row that the filter removes raises nothing.
SELECT id, int_v / int_v FROM nullable_types WHERE int_v <> 0;

-- A NULL divisor gives NULL, not an error.
SELECT id, int_v / NULLIF(int_v, int_v) FROM nullable_types;

-- ABS runs in Calcite's Enumerable engine, which divides a DOUBLE by zero into infinity or NaN.
-- known-bug an Enumerable fallback divides DOUBLEs by zero without raising 22012
-- error 22012
SELECT id FROM nullable_types WHERE dbl_v / 0.0 NOT BETWEEN ABS(dbl_v) AND 1e300;

-- Calcite's Enumerable engine computes a constant such as MOD(42, ABS(0)) once, when its compiled
-- code initializes, and the division by zero there raises 22012 too.
-- error 22012
SELECT id FROM nullable_types WHERE int_v <> MOD(42, ABS(0));
