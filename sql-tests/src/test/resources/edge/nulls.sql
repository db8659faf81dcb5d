-- NULL and three-valued logic on the hand-made table nullable_types, whose row 3 is NULL in
-- every column but id. A WHERE clause keeps a row only when its condition is TRUE, so rows where
-- the condition is UNKNOWN drop out just like rows where it is FALSE.

SELECT id FROM nullable_types WHERE int_v > 0;

SELECT id FROM nullable_types WHERE NOT (int_v > 0);

-- UNKNOWN OR TRUE is TRUE, UNKNOWN OR FALSE is UNKNOWN.
SELECT id FROM nullable_types WHERE int_v > 0 OR bool_v;

-- UNKNOWN AND FALSE is FALSE, so NOT of it keeps the row.
SELECT id FROM nullable_types WHERE NOT (int_v > 0 AND bool_v);

-- Always empty, so the planner folds the scan to an empty VALUES, a WARP source.
SELECT id FROM nullable_types WHERE int_v = NULL;

-- Always empty, so the planner folds the scan to an empty VALUES, a WARP source.
SELECT id FROM nullable_types WHERE int_v <> int_v;

SELECT id FROM nullable_types WHERE bool_v;

SELECT id FROM nullable_types WHERE NOT bool_v;

SELECT id FROM nullable_types WHERE bool_v IS NULL;

SELECT id FROM nullable_types WHERE bool_v IS NOT NULL AND dec_v IS NULL;

SELECT id FROM nullable_types WHERE bool_v IS TRUE;

SELECT id FROM nullable_types WHERE bool_v IS NOT TRUE;

SELECT id FROM nullable_types WHERE bool_v IS FALSE;

SELECT id FROM nullable_types WHERE bool_v IS NOT FALSE;

SELECT id FROM nullable_types WHERE (int_v > 0) IS NOT TRUE;

SELECT id FROM nullable_types WHERE (dbl_v < 0 OR dec_v > 0) IS FALSE;

SELECT id, int_v IS NULL, dbl_v IS NOT NULL, bool_v IS TRUE, bool_v IS NOT FALSE
FROM nullable_types;

-- The value of a comparison with NULL is NULL, not FALSE.
SELECT id, int_v > 0, NOT (int_v > 0), int_v > 0 AND bool_v, int_v > 0 OR bool_v
FROM nullable_types;

SELECT id, bool_v AND NULL, bool_v OR NULL, NOT bool_v FROM nullable_types;

-- Arithmetic with a NULL operand is NULL.
SELECT id, int_v + 1, big_v - int_v, dec_v * 2, dbl_v / 2 FROM nullable_types;

SELECT id FROM nullable_types WHERE int_v + big_v > 0;

SELECT id, CASE WHEN int_v > 0 THEN 1 WHEN int_v < 0 THEN -1 ELSE 0 END FROM nullable_types;

-- Without ELSE, a CASE that matches no branch is NULL.
SELECT id, CASE WHEN int_v > 0 THEN int_v END FROM nullable_types;

SELECT id, CASE WHEN bool_v THEN dec_v ELSE -dec_v END FROM nullable_types;

-- The simple CASE compares with =, so a NULL operand matches no WHEN.
SELECT id, CASE int_v WHEN 1 THEN 10 WHEN -1 THEN -10 ELSE 0 END FROM nullable_types;

SELECT id, CASE WHEN int_v IS NULL THEN big_v ELSE int_v END FROM nullable_types;

SELECT id FROM nullable_types WHERE CASE WHEN dbl_v > 0 THEN bool_v ELSE NOT bool_v END;

SELECT id, COALESCE(int_v, 0), COALESCE(dec_v, dbl_v, -1) FROM nullable_types;

SELECT id, COALESCE(int_v, big_v, id) FROM nullable_types;

SELECT id, COALESCE(date_v, DATE '2000-01-01') FROM nullable_types;

SELECT id, COALESCE(bool_v, FALSE) FROM nullable_types;

SELECT id, NULLIF(int_v, 0), NULLIF(dec_v, 1.00), NULLIF(int_v, int_v) FROM nullable_types;

SELECT id FROM nullable_types WHERE NULLIF(int_v, 1) IS NULL;

SELECT id FROM nullable_types WHERE int_v IN (1, 2, 3);

SELECT id FROM nullable_types WHERE int_v NOT IN (1, 2, 3);

-- x IN (1, NULL) is TRUE when x = 1 and UNKNOWN otherwise, never FALSE.
SELECT id FROM nullable_types WHERE int_v IN (1, NULL);

-- x NOT IN (1, NULL) is never TRUE, so no row qualifies.
-- Always empty, so the planner folds the scan to an empty VALUES, a WARP source.
SELECT id FROM nullable_types WHERE int_v NOT IN (1, NULL);

SELECT id, int_v IN (1, 2, NULL) FROM nullable_types;

SELECT id FROM nullable_types WHERE dec_v IN (1.00, -1.00, 0.05);

SELECT id FROM nullable_types WHERE dbl_v IN (1.5, -2.5);

SELECT id FROM nullable_types WHERE bool_v IN (TRUE);

SELECT id FROM nullable_types WHERE int_v BETWEEN -3 AND 3;

SELECT id FROM nullable_types WHERE int_v NOT BETWEEN -3 AND 3;

-- BETWEEN with its bounds in the wrong order is empty.
-- Always empty, so the planner folds the scan to an empty VALUES, a WARP source.
SELECT id FROM nullable_types WHERE int_v BETWEEN 3 AND -3;

SELECT id FROM nullable_types WHERE dec_v BETWEEN -1 AND 12.35;

SELECT id FROM nullable_types WHERE int_v IS DISTINCT FROM 1;

SELECT id FROM nullable_types WHERE int_v IS NOT DISTINCT FROM NULL;
