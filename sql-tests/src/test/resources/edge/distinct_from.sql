-- IS [NOT] DISTINCT FROM over constants and columns, also where Calcite's Enumerable engine runs
-- it: ABS has no kernel yet, and simplifying NOT (1 IS NOT DISTINCT FROM 0) creates the operator
-- after SQL-to-relational conversion has expanded the ones that a statement writes.

SELECT DISTINCT a.k, b.k FROM join_empty a RIGHT JOIN join_left b ON a.k = b.k
WHERE NOT (1 IS NOT DISTINCT FROM 0)
UNION
SELECT DISTINCT a.k, b.k FROM join_empty a RIGHT JOIN join_left b ON a.k = b.k
WHERE 1 IS NOT DISTINCT FROM 0;

SELECT id FROM join_left WHERE NOT (1 IS NOT DISTINCT FROM 1);

SELECT id FROM join_left WHERE NOT (CAST(NULL AS INTEGER) IS NOT DISTINCT FROM 1);

-- fallback
SELECT id, ABS(int_v) IS DISTINCT FROM 1, ABS(int_v) IS NOT DISTINCT FROM CAST(NULL AS INTEGER)
FROM nullable_types;

-- fallback
SELECT id FROM nullable_types WHERE NOT (ABS(int_v) IS NOT DISTINCT FROM 7);

-- fallback
SELECT id FROM nullable_types WHERE ABS(int_v) IS DISTINCT FROM ABS(big_v);

-- fallback
SELECT id FROM nullable_types WHERE ABS(dbl_v) IS NOT DISTINCT FROM dbl_v OR int_v IS NULL;
