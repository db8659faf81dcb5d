-- An expression over one string column is computed once per distinct string, but only rows that
-- reach it raise its errors: rows that a filter removes or a CASE branch skips raise none.

CREATE TABLE codes (v VARCHAR, k INTEGER);

INSERT INTO codes VALUES ('1', 1), ('abc', 2), ('42', 3), (NULL, 4);

SELECT k, CAST(v AS INTEGER) FROM codes WHERE k <> 2;

SELECT CAST(v AS INTEGER) FROM codes WHERE v <> 'abc';

SELECT k, CASE WHEN k = 2 THEN -1 ELSE CAST(v AS INTEGER) END FROM codes;

-- A row that reaches the cast raises it.
-- error 22018
SELECT CAST(v AS INTEGER) FROM codes;

-- error 22018
SELECT k FROM codes WHERE CAST(v AS INTEGER) > 0;
