-- The hand-made table reads back the same from both engines, so that the CSV file means the
-- same thing to both loaders.
SELECT * FROM nullable_types;

-- ordered
SELECT id, str_v, bool_v FROM nullable_types ORDER BY id;
