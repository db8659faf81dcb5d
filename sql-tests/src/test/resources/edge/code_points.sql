-- String functions count characters as Unicode code points, as the SQL standard and DuckDB do,
-- also for characters above U+FFFF, which Java stores as two UTF-16 units.

-- duckdb: SELECT id, length(s) FROM code_points;
SELECT id, CHAR_LENGTH(s) FROM code_points;
-- duckdb: SELECT id, length(s) FROM code_points;
SELECT id, CHARACTER_LENGTH(s) FROM code_points;
SELECT id, SUBSTRING(s FROM 2 FOR 1) FROM code_points;
SELECT id, SUBSTRING(s FROM 2) FROM code_points;
SELECT id, SUBSTRING(s FROM 0 FOR 2) FROM code_points;
SELECT id, SUBSTRING(s FROM 3 FOR 5) FROM code_points;
SELECT id, POSITION('b' IN s) FROM code_points;
SELECT id, POSITION('😀' IN s) FROM code_points;
SELECT id FROM code_points WHERE CHAR_LENGTH(s) = 2;
SELECT id, s FROM code_points WHERE SUBSTRING(s FROM 1 FOR 1) = '😀';

-- Constants fold with the same counts. A projection of string constants runs in Calcite.
-- fallback
-- duckdb: SELECT length('😀a'), substring('😀ab', 2, 1), position('a' IN '😀a');
SELECT CHAR_LENGTH('😀a'), SUBSTRING('😀ab' FROM 2 FOR 1), POSITION('a' IN '😀a');
-- fallback
-- duckdb: SELECT '😀xb', 'a😀x';
SELECT OVERLAY('😀ab' PLACING 'x' FROM 2 FOR 1), OVERLAY('a😀b' PLACING 'x' FROM 3);
