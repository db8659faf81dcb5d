-- Empty and inverted ranges, NOT BETWEEN with NULL bounds, and COALESCE around the tested value,
-- with and without GROUP BY, over every type of nullable_types. Row 3 is NULL in every column but
-- id, so a condition on it is UNKNOWN and must drop it. x BETWEEN a AND b means a <= x AND x <= b,
-- so an inverted range such as 3 to -5 matches nothing and NOT BETWEEN matches every non-NULL x.
-- The queries read every column, so that field trimming keeps each filter as SQL-to-relational
-- conversion built it, which is where COALESCE once lost its NULL rows.

SELECT * FROM nullable_types WHERE int_v NOT BETWEEN 3 AND -5;

SELECT * FROM nullable_types WHERE COALESCE(int_v, int_v) NOT BETWEEN 3 AND -5;

SELECT * FROM nullable_types WHERE COALESCE(int_v, int_v) BETWEEN 3 AND -5;

SELECT * FROM nullable_types WHERE NOT (COALESCE(int_v, int_v) BETWEEN 3 AND -5);

SELECT * FROM nullable_types WHERE COALESCE(dbl_v, dbl_v) NOT BETWEEN 3.0 AND -5.0;

SELECT * FROM nullable_types WHERE COALESCE(dec_v, dec_v) NOT BETWEEN 3.00 AND -5.00;

SELECT * FROM nullable_types WHERE COALESCE(big_v, big_v, big_v) NOT BETWEEN 3 AND -5;

SELECT * FROM nullable_types
WHERE COALESCE(date_v, date_v) NOT BETWEEN DATE '2000-01-01' AND DATE '1990-01-01';

SELECT * FROM nullable_types WHERE COALESCE(str_v, str_v) NOT BETWEEN 'b' AND 'a';

-- The last operand decides whether COALESCE can be NULL: here it cannot, so every row matches.
SELECT * FROM nullable_types WHERE COALESCE(int_v, 0) NOT BETWEEN 3 AND -5;

SELECT * FROM nullable_types WHERE COALESCE(int_v, big_v) NOT BETWEEN 3 AND -5;

SELECT * FROM nullable_types WHERE COALESCE(int_v, int_v) > 1 OR COALESCE(int_v, int_v) <= 1;

SELECT * FROM nullable_types WHERE COALESCE(dbl_v, dbl_v) < 1e300 OR COALESCE(dbl_v, dbl_v) >= 0;

-- A NULL bound leaves NOT BETWEEN TRUE only where the other bound alone excludes x.
SELECT * FROM nullable_types WHERE int_v NOT BETWEEN NULL AND 3;

SELECT * FROM nullable_types WHERE int_v NOT BETWEEN -3 AND NULL;

SELECT * FROM nullable_types WHERE COALESCE(int_v, int_v) NOT BETWEEN NULL AND 3;

SELECT * FROM nullable_types WHERE COALESCE(int_v, int_v) NOT BETWEEN CAST(NULL AS INTEGER) AND -5;

SELECT * FROM nullable_types WHERE int_v NOT BETWEEN big_v AND -5;

SELECT * FROM nullable_types WHERE COALESCE(int_v, int_v) NOT BETWEEN big_v AND big_v - 1;

SELECT * FROM nullable_types WHERE (int_v NOT BETWEEN 3 AND -5) IS NULL;

SELECT * FROM nullable_types WHERE (COALESCE(int_v, int_v) NOT BETWEEN 3 AND -5) IS NOT TRUE;

-- The same conditions under GROUP BY.
SELECT bool_v, COUNT(*), COUNT(id), COUNT(int_v), COUNT(big_v), COUNT(dec_v), COUNT(dbl_v),
  COUNT(date_v), COUNT(str_v)
FROM nullable_types
WHERE COALESCE(dbl_v, dbl_v) NOT BETWEEN 3.0 AND -5.0 GROUP BY bool_v;

SELECT bool_v, COUNT(*), SUM(int_v),
  COUNT(id), COUNT(int_v), COUNT(big_v), COUNT(dec_v), COUNT(dbl_v),
  COUNT(date_v), COUNT(str_v)
FROM nullable_types
WHERE COALESCE(int_v, int_v) NOT BETWEEN 3 AND -5 GROUP BY bool_v;

SELECT bool_v, COUNT(*), SUM(dec_v),
  COUNT(id), COUNT(int_v), COUNT(big_v), COUNT(dec_v), COUNT(dbl_v),
  COUNT(date_v), COUNT(str_v)
FROM nullable_types
WHERE COALESCE(dec_v, dec_v) > 1 OR COALESCE(dec_v, dec_v) <= 1 GROUP BY bool_v;

SELECT date_v, COUNT(*), COUNT(id), COUNT(int_v), COUNT(big_v), COUNT(dec_v), COUNT(dbl_v),
  COUNT(str_v), COUNT(bool_v)
FROM nullable_types
WHERE COALESCE(str_v, str_v) NOT BETWEEN 'b' AND 'a' GROUP BY date_v;

SELECT str_v, COUNT(*), COUNT(id), COUNT(int_v), COUNT(big_v), COUNT(dec_v), COUNT(dbl_v),
  COUNT(date_v), COUNT(bool_v)
FROM nullable_types
WHERE COALESCE(date_v, date_v) NOT BETWEEN DATE '2000-01-01' AND DATE '1990-01-01'
GROUP BY str_v;

SELECT COUNT(*), MIN(big_v), COUNT(id), COUNT(int_v), COUNT(big_v), COUNT(dec_v), COUNT(dbl_v),
  COUNT(date_v), COUNT(str_v), COUNT(bool_v)
FROM nullable_types
WHERE COALESCE(big_v, big_v) NOT BETWEEN 3 AND -5;

SELECT bool_v, COUNT(*), COUNT(id), COUNT(int_v), COUNT(big_v), COUNT(dec_v), COUNT(dbl_v),
  COUNT(date_v), COUNT(str_v)
FROM nullable_types
WHERE COALESCE(int_v, int_v) NOT BETWEEN NULL AND 3 GROUP BY bool_v;

SELECT bool_v, COUNT(*), COUNT(id), COUNT(int_v), COUNT(big_v), COUNT(dec_v), COUNT(dbl_v),
  COUNT(date_v), COUNT(str_v)
FROM nullable_types
WHERE COALESCE(int_v, int_v) BETWEEN 3 AND -5 GROUP BY bool_v;
