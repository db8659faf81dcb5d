-- IS [NOT] DISTINCT FROM over constants, columns and expressions. Simplifying NOT (1 IS NOT
-- DISTINCT FROM 0) creates the operator after SQL-to-relational conversion has expanded the ones
-- that a statement writes, so kernels see the operator itself as well as its expansion.

SELECT DISTINCT a.k, b.k FROM join_empty a RIGHT JOIN join_left b ON a.k = b.k
WHERE NOT (1 IS NOT DISTINCT FROM 0)
UNION
SELECT DISTINCT a.k, b.k FROM join_empty a RIGHT JOIN join_left b ON a.k = b.k
WHERE 1 IS NOT DISTINCT FROM 0;

SELECT id FROM join_left WHERE NOT (1 IS NOT DISTINCT FROM 1);

SELECT id FROM join_left WHERE NOT (CAST(NULL AS INTEGER) IS NOT DISTINCT FROM 1);

SELECT id, ABS(int_v) IS DISTINCT FROM 1, ABS(int_v) IS NOT DISTINCT FROM CAST(NULL AS INTEGER)
FROM nullable_types;

SELECT id FROM nullable_types WHERE NOT (ABS(int_v) IS NOT DISTINCT FROM 7);

SELECT id FROM nullable_types WHERE ABS(int_v) IS DISTINCT FROM ABS(big_v);

SELECT id FROM nullable_types WHERE ABS(dbl_v) IS NOT DISTINCT FROM dbl_v OR int_v IS NULL;

-- Expressions of different types on the two sides, and NULL on either side.
SELECT id, int_v + 1 IS DISTINCT FROM big_v - 9, dec_v * 2 IS NOT DISTINCT FROM dbl_v,
date_v IS DISTINCT FROM DATE '1992-01-01' FROM nullable_types;

-- expect: 1, 2, 3, 4
SELECT id FROM nullable_types WHERE CAST(int_v AS BIGINT) * 10 IS NOT DISTINCT FROM big_v;
