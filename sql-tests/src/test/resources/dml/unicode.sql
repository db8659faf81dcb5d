-- Strings outside Latin-1 in literals and data: CJK characters, an emoji outside the Basic
-- Multilingual Plane and combining accents. Literals are UTF-8, so each is valid SQL; Calcite's
-- default character set, ISO-8859-1, once rejected them with an internal error.

CREATE TABLE cities (name VARCHAR(20), k INTEGER);

INSERT INTO cities VALUES ('東京', 1), ('😀 smile', 2), ('Zürich', 3), ('abc', 4), (NULL, 5),
  ('Москва', 6), ('東京', 7);

SELECT '中文', '😀';

SELECT k FROM cities WHERE name = '東京';

SELECT k FROM cities WHERE name <> 'Москва';

SELECT k FROM cities WHERE name LIKE '😀%';

SELECT k FROM cities WHERE name LIKE '%京';

SELECT k FROM cities WHERE name IN ('東京', 'Zürich', '😀 smile');

SELECT name, COUNT(*) FROM cities GROUP BY name;

SELECT k, UPPER(name), name || '市' FROM cities;

SELECT k, REPLACE(name, '京', 'キョウ') FROM cities;

UPDATE cities SET name = '大阪' WHERE name = '東京';

SELECT k, name FROM cities;

DELETE FROM cities WHERE name LIKE '大%';

SELECT k, name FROM cities;
