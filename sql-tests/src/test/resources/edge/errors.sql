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

-- The minimum of an exact type has no absolute value in the type. int_v - 648 reaches the
-- INTEGER minimum in row 8, and big_v * 2 - 1223372036854775808 the BIGINT minimum in row 6.
-- int_v * 128 is the TINYINT minimum in row 2.
-- error 22003
SELECT id, ABS(int_v - 648) FROM nullable_types;

-- error 22003
SELECT id, ABS(big_v * 2 - 1223372036854775808) FROM nullable_types WHERE big_v < 0;

-- error 22003
SELECT id, ABS(CAST(int_v * 128 AS TINYINT)) FROM nullable_types WHERE id = 2;

-- The same for constants, which planning folds.
-- error 22003
SELECT ABS(CAST(-9223372036854775808 AS BIGINT));

-- error 22003
SELECT id, ABS(CAST(-2147483648 AS INTEGER)) FROM nullable_types;

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

-- The SQL standard makes division by zero an exception for approximate numbers too, so a DOUBLE
-- or REAL division by zero raises 22012 in kernels, and in Calcite's Enumerable engine, where Java
-- would divide into infinity or NaN. SIGN has no kernel form, so its statements run there.
-- error 22012
SELECT id FROM nullable_types WHERE dbl_v / 0.0 NOT BETWEEN ABS(dbl_v) AND 1e300;

-- error 22012
SELECT id, ABS(dbl_v) / 0e0 FROM nullable_types;

-- error 22012
SELECT id, SIGN(dbl_v) / 0e0 FROM nullable_types;

-- error 22012
SELECT id FROM nullable_types WHERE SIGN(dbl_v) / (dbl_v - dbl_v) > 0;

-- error 22012
SELECT id, ABS(dbl_v) / (dbl_v - dbl_v) FROM nullable_types;

-- error 22012
SELECT id, ABS(CAST(dbl_v AS REAL) / 0) FROM nullable_types;

-- error 22012
SELECT id, ABS(dec_v) / CAST(int_v - int_v AS DOUBLE) FROM nullable_types;

-- error 22012
SELECT id FROM nullable_types WHERE ABS(int_v) / -0e0 > 0;

-- Constant folding leaves an approximate division by zero to run time, which raises 22012.
-- error 22012
SELECT 1e0 / 0e0;

-- error 22012
SELECT id FROM nullable_types WHERE dbl_v > 1e0 / (2e0 - 2e0);

-- error 22012
SELECT CAST(1 AS REAL) / 0;

-- Approximate divisions that divide by no zero return their quotients, and a NULL divisor gives
-- NULL.
SELECT id, ABS(dbl_v) / 2, ABS(dec_v) / dbl_v, ABS(dbl_v) / NULLIF(dbl_v, 0)
FROM nullable_types WHERE dbl_v <> 0;

SELECT id, ABS(dbl_v) / CAST(NULL AS DOUBLE) FROM nullable_types;

-- fallback
SELECT id, SIGN(dbl_v) / 2, SIGN(dec_v) / dbl_v, SIGN(dbl_v) / NULLIF(dbl_v, 0)
FROM nullable_types WHERE dbl_v <> 0;

-- A division in a CASE branch that no row reaches raises nothing.
SELECT id, CASE WHEN dbl_v <> 0 THEN ABS(dbl_v) / dbl_v END FROM nullable_types;

-- fallback
SELECT id, CASE WHEN dbl_v <> 0 THEN SIGN(dbl_v) / dbl_v END FROM nullable_types;

-- Constant folding leaves MOD(42, ABS(0)) to run time too, where the division by zero raises
-- 22012.
-- error 22012
SELECT id FROM nullable_types WHERE int_v <> MOD(42, ABS(0));

-- Data errors that Calcite's constant folding raises get their SQLSTATE: datetime field overflow,
-- invalid character value for cast and an invalid argument for a natural logarithm.
-- error 22008
SELECT CAST('2024-02-30' AS DATE);

-- error 22018
SELECT CAST('yes' AS BOOLEAN);

-- A string that is no timestamp at all, or has month 13, is an invalid cast, whether or not it
-- has microseconds.
-- error 22018
SELECT CAST('abc' AS TIMESTAMP);

-- error 22018
SELECT CAST('2024-13-01 00:00:00' AS TIMESTAMP);

-- error 22018
SELECT CAST('2024-13-01 00:00:00.000001' AS TIMESTAMP);

-- A time of day past 23:59:59 is out of range; Calcite's own CAST would carry it into the next
-- field or past midnight.
-- error 22008
SELECT CAST('24:00:00' AS TIME);

-- error 22008
SELECT CAST('12:60:00' AS TIME);

-- error 22008
SELECT CAST(s AS TIME) FROM (VALUES ('12:00:00'), ('25:00:00')) AS t (s);

-- A string column's value that is no timestamp is an invalid cast, as a literal is.
-- error 22018
SELECT CAST(s AS TIMESTAMP) FROM (VALUES ('2024-02-29 12:00:00'), ('abc')) AS t (s);

-- Calcite keeps intervals in milliseconds and computes TIMESTAMPADD and TIMESTAMPDIFF through
-- milliseconds or whole seconds, so finer units would give wrong results.
-- error 0A000
SELECT TIMESTAMP '2024-02-29 12:00:00' + INTERVAL '0.000001' SECOND;

-- error 0A000
SELECT TIMESTAMPADD(MICROSECOND, 1, TIMESTAMP '2024-02-29 12:00:00');

-- error 0A000
SELECT TIMESTAMPDIFF(MICROSECOND, TIMESTAMP '2024-02-29 12:00:00', TIMESTAMP '2024-02-29 12:00:01');

-- error 2201E
SELECT LN(0);

-- REAL and DOUBLE arithmetic of finite operands whose result is beyond the type's range raises
-- 22003, where IEEE 754 would return infinity: in kernels, in constant folding and in Calcite's
-- Enumerable engine, which runs the statements with SIGN.
-- error 22003
SELECT id, dbl_v * dbl_v FROM nullable_types;

-- error 22003
SELECT id FROM nullable_types WHERE dbl_v / 1e-300 > 0;

-- error 22003
SELECT id, SIGN(dbl_v) * dbl_v * 1e300 FROM nullable_types;

-- error 22003
SELECT 1e300 * 1e300;

-- error 22003
SELECT id, CAST(int_v AS REAL) * CAST(1e36 AS REAL) FROM nullable_types;

-- error 22003
SELECT id, SIGN(CAST(int_v AS REAL)) + CAST(3.4e38 AS REAL) + CAST(3.4e38 AS REAL)
FROM nullable_types;

-- POWER and SQRT raise 2201F for a negative base with an exponent that is not an integer and for
-- zero with a negative exponent, and 22003 for a result beyond DOUBLE's range.
-- error 2201F
SELECT id, SQRT(dbl_v) FROM nullable_types;

-- error 2201F
SELECT SQRT(-1e0);

-- error 2201F
SELECT id, POWER(int_v, -1) FROM nullable_types;

-- error 22003
SELECT id, POWER(dbl_v, 2) FROM nullable_types;

-- error 22003
SELECT POWER(10, 400);

-- fallback
SELECT id, SQRT(ABS(dbl_v)), POWER(dbl_v, 3), POWER(-2e0, 3), POWER(int_v, 0)
FROM nullable_types WHERE ABS(dbl_v) < 1e10;
