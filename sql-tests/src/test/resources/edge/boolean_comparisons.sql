-- Comparisons of BOOLEAN values: FALSE sorts before TRUE, and a NULL operand makes the comparison
-- NULL, so a filter drops that row. int_v < int_v is NULL where int_v is NULL and FALSE elsewhere,
-- so a range over it that includes FALSE must still drop the rows whose int_v is NULL. Calcite's
-- range merging once treated such an operand as FALSE and passed those rows.

SELECT id FROM nullable_types WHERE (int_v < int_v) BETWEEN FALSE AND TRUE;

SELECT COUNT(*) FROM nullable_types WHERE (int_v < int_v) BETWEEN FALSE AND TRUE;

SELECT id FROM nullable_types WHERE (int_v < int_v) >= FALSE AND (int_v < int_v) <= TRUE;

SELECT id FROM nullable_types WHERE NOT ((int_v < int_v) NOT BETWEEN FALSE AND TRUE);

SELECT id FROM nullable_types WHERE (int_v < int_v) NOT BETWEEN TRUE AND TRUE;

SELECT id FROM nullable_types
WHERE CASE WHEN (int_v < int_v) BETWEEN FALSE AND TRUE THEN TRUE ELSE FALSE END;

SELECT id FROM nullable_types WHERE (bool_v AND int_v > 0) BETWEEN FALSE AND TRUE;

SELECT id FROM nullable_types WHERE (bool_v OR int_v > 0) BETWEEN FALSE AND FALSE;

SELECT id FROM nullable_types WHERE (int_v = int_v) >= TRUE;

SELECT id FROM nullable_types WHERE (int_v <> int_v) <= FALSE;

-- The comparison reaches the filter through a subquery's column, after a LIMIT that keeps the
-- filter above the projection until the planner moves it.
SELECT COUNT(*) FROM (SELECT int_v < int_v AS x FROM nullable_types LIMIT 20) AS t
WHERE x BETWEEN FALSE AND TRUE;

SELECT COUNT(*) FROM (SELECT id, int_v < big_v AS x FROM nullable_types) AS t
WHERE x BETWEEN FALSE AND TRUE;

-- Every comparison operator between two nullable BOOLEAN expressions.
SELECT id, bool_v < (int_v > 0), bool_v <= (int_v > 0), bool_v > (int_v > 0),
  bool_v >= (int_v > 0), bool_v = (int_v > 0), bool_v <> (int_v > 0)
FROM nullable_types;

SELECT id FROM nullable_types WHERE bool_v < (int_v > 0);

SELECT id FROM nullable_types WHERE bool_v >= (int_v > 0);

SELECT id FROM nullable_types WHERE (int_v > 0) <> bool_v OR big_v IS NULL;

-- With literal operands.
SELECT id, (int_v > 0) = TRUE, (int_v > 0) = FALSE, (int_v > 0) <> TRUE, (int_v > 0) < TRUE,
  (int_v > 0) > FALSE, (int_v > 0) <= FALSE, (int_v > 0) >= TRUE
FROM nullable_types;

SELECT id FROM nullable_types WHERE (int_v > 0) IN (FALSE, TRUE);

SELECT id FROM nullable_types WHERE (int_v < int_v) IN (FALSE);

SELECT id FROM nullable_types WHERE (int_v < int_v) NOT IN (TRUE);

-- IS [NOT] DISTINCT FROM is never NULL.
SELECT id, (int_v < int_v) IS NOT DISTINCT FROM FALSE, (int_v > 0) IS DISTINCT FROM bool_v
FROM nullable_types;

SELECT id FROM nullable_types WHERE (int_v < int_v) IS NOT DISTINCT FROM FALSE;

SELECT id FROM nullable_types WHERE (int_v > 0) IS DISTINCT FROM bool_v;

-- Grouping and joining on BOOLEAN columns keeps working.
SELECT bool_v, COUNT(*) FROM nullable_types WHERE bool_v >= FALSE GROUP BY bool_v;

SELECT a.id, b.id FROM nullable_types a JOIN nullable_types b ON a.bool_v = b.bool_v
WHERE a.id < 4 AND b.id < 4;
