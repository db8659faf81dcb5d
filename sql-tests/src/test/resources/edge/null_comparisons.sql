-- Comparisons whose operand is NULL after simplification, next to an operand such as MOD that
-- simplification keeps because it may raise an error. Each comparison is UNKNOWN, so the TLP parts
-- p, NOT p and p IS NULL put every row into the third. DISTINCT, UNION and joins make the planner
-- read the filters' predicates while it trims unused fields.

SELECT DISTINCT int_v FROM nullable_types WHERE dbl_v + CAST(NULL AS INTEGER) <= MOD(-128, 2);

SELECT DISTINCT int_v FROM nullable_types WHERE NOT (dbl_v + CAST(NULL AS INTEGER) <= MOD(-128, 2));

SELECT DISTINCT int_v FROM nullable_types
WHERE (dbl_v + CAST(NULL AS INTEGER) <= MOD(-128, 2)) IS NULL;

SELECT DISTINCT int_v FROM nullable_types WHERE dbl_v + CAST(NULL AS INTEGER) <= MOD(-128, 2)
UNION
SELECT DISTINCT int_v FROM nullable_types WHERE NOT (dbl_v + CAST(NULL AS INTEGER) <= MOD(-128, 2))
UNION
SELECT DISTINCT int_v FROM nullable_types
WHERE (dbl_v + CAST(NULL AS INTEGER) <= MOD(-128, 2)) IS NULL;

SELECT DISTINCT id FROM nullable_types WHERE int_v + CAST(NULL AS INTEGER) = MOD(big_v, 3);

SELECT DISTINCT id FROM nullable_types WHERE NOT (int_v + CAST(NULL AS INTEGER) <> MOD(big_v, 3));

SELECT DISTINCT id FROM nullable_types WHERE CAST(NULL AS INTEGER) > MOD(int_v, 7) OR bool_v;

SELECT bool_v, COUNT(*) FROM nullable_types
WHERE str_v || CAST(NULL AS VARCHAR) >= 'a' OR dbl_v > 1 GROUP BY bool_v;

SELECT DISTINCT a.id FROM nullable_types a
JOIN nullable_types b ON a.id = b.id AND a.dbl_v + CAST(NULL AS INTEGER) <= MOD(b.int_v, 2);

SELECT DISTINCT a.id FROM nullable_types a
LEFT JOIN nullable_types b ON a.id = b.id AND a.dbl_v + CAST(NULL AS INTEGER) <= MOD(b.int_v, 2);

SELECT DISTINCT id FROM nullable_types
WHERE int_v IN (SELECT int_v FROM nullable_types WHERE dbl_v + CAST(NULL AS INTEGER) < MOD(id, 2));
