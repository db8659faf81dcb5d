-- Join keys computed from strings, of which 'abc' (jk_codes.id 2) does not convert to INTEGER.
-- A row that reaches the cast raises it, whichever side of the join computes the key and
-- whether the join runs on the CPU or on a device.

-- The strings that convert join as usual.
-- expect: (1, 104), (5, 102), (5, 107), (5, 108), (5, 112)
SELECT c.id, b.id FROM jk_codes c JOIN jk_b b ON CAST(c.v AS INTEGER) = b.i WHERE c.id <> 2;

-- error 22018
SELECT CAST(v AS INTEGER) FROM jk_codes;

-- error 22018
SELECT c.id, b.id FROM jk_codes c JOIN jk_b b ON CAST(c.v AS INTEGER) = b.i;

-- error 22018
SELECT c.id, b.id FROM jk_codes c LEFT JOIN jk_b b ON CAST(c.v AS INTEGER) = b.i;

-- error 22018
SELECT c.id FROM jk_codes c WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.i = CAST(c.v AS INTEGER));

-- error 22018
SELECT c.id FROM jk_codes c WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.i = CAST(c.v AS INTEGER));

-- The cast on the build side.
-- error 22018
SELECT b.id, c.id FROM jk_b b LEFT JOIN jk_codes c ON b.i = CAST(c.v AS INTEGER);

-- error 22018
SELECT b.id FROM jk_b b WHERE b.i NOT IN (SELECT CAST(v AS INTEGER) FROM jk_codes WHERE v IS NOT NULL);
