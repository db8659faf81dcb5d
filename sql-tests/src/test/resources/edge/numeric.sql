-- Numeric casts, exact DECIMAL arithmetic, integer division and comparisons across numeric
-- types, on nullable_types and TPC-H lineitem (l_quantity, l_extendedprice, l_discount and l_tax
-- are DECIMAL(15,2), l_linenumber is INTEGER, l_orderkey is BIGINT).

SELECT id, CAST(int_v AS BIGINT), CAST(int_v AS DOUBLE), CAST(int_v AS DECIMAL(15,2))
FROM nullable_types;

SELECT id, CAST(big_v AS DOUBLE), CAST(big_v AS DECIMAL(19,0)) FROM nullable_types;

SELECT id, CAST(dec_v AS DOUBLE), CAST(dec_v AS DECIMAL(18,4)) FROM nullable_types;

-- The SQL standard lets a cast to an exact type of smaller scale round or truncate. Both
-- engines round half away from zero.
SELECT id, CAST(dec_v AS INTEGER), CAST(dec_v AS BIGINT) FROM nullable_types;

-- A constant operand must give what a column operand gives, but the planner folds the constant
-- cast by truncating while kernels round.
SELECT id, CAST(2.5 AS INTEGER), CAST(-2.5 AS INTEGER), CAST(dec_v AS INTEGER)
FROM nullable_types WHERE dec_v = 2.50;

-- From DOUBLE, WarpSQL rounds half away from zero and DuckDB rounds half to even. The standard
-- allows either, so DuckDB rounds half away from zero explicitly.
-- duckdb: SELECT id, CAST(ROUND(dbl_v) AS INTEGER) FROM nullable_types WHERE dbl_v BETWEEN -1e9 AND 1e9
SELECT id, CAST(dbl_v AS INTEGER) FROM nullable_types WHERE dbl_v BETWEEN -1e9 AND 1e9;

SELECT id, CAST(dec_v AS DECIMAL(15,1)) FROM nullable_types;

SELECT id, CAST(dbl_v AS DECIMAL(15,2)) FROM nullable_types WHERE dbl_v BETWEEN -1e9 AND 1e9;

-- Exact DECIMAL arithmetic: sums and differences keep the larger scale, products add scales.
SELECT l_orderkey, l_linenumber, l_extendedprice * (1 - l_discount),
  l_extendedprice * (1 - l_discount) * (1 + l_tax), l_quantity - l_discount
FROM lineitem WHERE l_orderkey < 100;

SELECT id, dec_v + 0.005, dec_v * 0.5, dec_v * dec_v, dec_v - 1000 FROM nullable_types;

-- Values that end in 5 at the third decimal. The standard leaves the rounding to the
-- implementation, so DuckDB rounds half away from zero explicitly, like WarpSQL.
-- duckdb: SELECT id, ROUND(dec_v * 0.5, 2) FROM nullable_types
SELECT id, CAST(dec_v * 0.5 AS DECIMAL(15,2)) FROM nullable_types;

SELECT l_orderkey, l_linenumber, l_discount * l_tax FROM lineitem
WHERE l_orderkey < 40 AND l_discount * l_tax > 0.004;

SELECT id, int_v * dec_v, big_v + dec_v FROM nullable_types WHERE big_v BETWEEN -1000 AND 1000;

SELECT id, int_v + dbl_v, dec_v * dbl_v FROM nullable_types WHERE dbl_v BETWEEN -1e9 AND 1e9;

-- Integer division truncates toward zero in SQL and in WarpSQL. DuckDB's / on integers returns
-- DOUBLE, so DuckDB computes the same with its // operator.
-- duckdb: SELECT id, int_v // 2, int_v // -2, big_v // 3 FROM nullable_types WHERE int_v IS NOT NULL
SELECT id, int_v / 2, int_v / -2, big_v / 3 FROM nullable_types WHERE int_v IS NOT NULL;

-- duckdb: SELECT l_orderkey, l_linenumber, l_orderkey // l_linenumber FROM lineitem WHERE l_orderkey < 50
SELECT l_orderkey, l_linenumber, l_orderkey / l_linenumber FROM lineitem WHERE l_orderkey < 50;

-- MOD takes the sign of the dividend, in SQL and in both engines.
SELECT id, MOD(int_v, 3), MOD(int_v, -3), MOD(big_v, 7), MOD(big_v, -7) FROM nullable_types
WHERE big_v BETWEEN -1000 AND 1000;

-- The result of MOD has the divisor's type, INTEGER here, and every remainder fits in it.
SELECT id, MOD(big_v, 7) FROM nullable_types;

SELECT l_orderkey, l_linenumber FROM lineitem
WHERE MOD(l_orderkey, 1000) = 7 AND MOD(l_linenumber, 2) = 1;

SELECT id, -int_v, -dec_v, -dbl_v, +big_v FROM nullable_types;

-- Comparisons of INTEGER with DECIMAL and DOUBLE compare values, not truncated integers.
SELECT id FROM nullable_types WHERE int_v > 2.5;

SELECT id FROM nullable_types WHERE int_v = 3.0;

SELECT id FROM nullable_types WHERE int_v < 0.5e0;

SELECT id FROM nullable_types WHERE dec_v = int_v;

SELECT id FROM nullable_types WHERE dec_v > dbl_v;

SELECT id FROM nullable_types WHERE big_v >= int_v;

SELECT id FROM nullable_types WHERE dbl_v = 0.1;

SELECT id FROM nullable_types WHERE dbl_v > 1e299;

SELECT l_orderkey, l_linenumber FROM lineitem WHERE l_quantity = 17 AND l_orderkey < 1000;

SELECT l_orderkey, l_linenumber FROM lineitem
WHERE l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 2 AND l_orderkey < 5000;

SELECT l_orderkey, l_linenumber FROM lineitem WHERE l_quantity IN (1, 2.00, 3.5) AND l_tax = 0;

SELECT l_orderkey, l_linenumber FROM lineitem
WHERE l_extendedprice > 104000 OR l_extendedprice < 905;

-- Constants are folded before the plan runs, so these exercise the planner's arithmetic.
SELECT id, int_v + (2 * 3 - 1), dec_v * (1 + 0.5) FROM nullable_types;

-- DuckDB's DECIMAL / INTEGER is DOUBLE, and the DOUBLE nearest -6.175 lies above it, so it
-- rounds to -6.17. DuckDB therefore computes the exact quotient and rounds it to WarpSQL's
-- scale 2, half away from zero like WarpSQL.
-- duckdb: SELECT id, CASE WHEN dec_v > 0 THEN dec_v * 2 ELSE ROUND(dec_v * 0.5, 2) END FROM nullable_types
SELECT id, CASE WHEN dec_v > 0 THEN dec_v * 2 ELSE dec_v / 2 END FROM nullable_types;

-- DECIMAL division: the standard leaves the result's scale to the implementation and DuckDB
-- returns DOUBLE, which the comparison rounds to WarpSQL's scale.
SELECT id, dec_v / 4, dec_v / 3 FROM nullable_types;

SELECT id, dbl_v * 2, dbl_v / 4, dbl_v + 1 FROM nullable_types WHERE dbl_v BETWEEN -1e9 AND 1e9;

-- ABS of every numeric type keeps the type.
SELECT id, ABS(int_v), ABS(big_v), ABS(dec_v), ABS(dbl_v), ABS(CAST(dec_v AS REAL)),
ABS(CAST(id - 7 AS SMALLINT)), ABS(CAST(id - 7 AS TINYINT)) FROM nullable_types;

SELECT id FROM nullable_types WHERE ABS(dec_v) > 1 AND ABS(int_v - 3) < 10;
