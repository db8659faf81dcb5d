-- Joins on keys of every type over the hand-made tables jk_a (ids 1 to 12), jk_b (ids 101
-- to 113) and the empty jk_empty. Keys include type minimums and maximums, -0.0 and 0.0, NaN,
-- infinities, NULLs on both sides and duplicates. -0.0 equals 0.0 and NaN equals NaN, as in
-- DuckDB and PostgreSQL.

-- Key ti.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ti = b.ti;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ti = b.ti;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.ti = b.ti;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.ti = b.ti;
SELECT id FROM jk_a WHERE ti IN (SELECT ti FROM jk_b);
SELECT id FROM jk_b WHERE ti IN (SELECT ti FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.ti = a.ti);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.ti = a.ti);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.ti = a.ti);
SELECT id FROM jk_a WHERE ti NOT IN (SELECT ti FROM jk_b WHERE ti IS NOT NULL);
SELECT id FROM jk_a WHERE ti NOT IN (SELECT ti FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.ti = b.ti;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.ti = b.ti;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.ti = a.ti);
SELECT id FROM jk_a WHERE ti NOT IN (SELECT ti FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.ti = b.ti;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ti = b.ti AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ti = b.ti AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.ti = a.ti AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.ti = a.ti AND b.id > a.id + 100);
SELECT b.ti, COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.ti = b.ti GROUP BY b.ti;
SELECT a.ti, COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.ti = b.ti GROUP BY a.ti;

-- Key si.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.si = b.si;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.si = b.si;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.si = b.si;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.si = b.si;
SELECT id FROM jk_a WHERE si IN (SELECT si FROM jk_b);
SELECT id FROM jk_b WHERE si IN (SELECT si FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.si = a.si);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.si = a.si);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.si = a.si);
SELECT id FROM jk_a WHERE si NOT IN (SELECT si FROM jk_b WHERE si IS NOT NULL);
SELECT id FROM jk_a WHERE si NOT IN (SELECT si FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.si = b.si;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.si = b.si;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.si = a.si);
SELECT id FROM jk_a WHERE si NOT IN (SELECT si FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.si = b.si;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.si = b.si AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.si = b.si AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.si = a.si AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.si = a.si AND b.id > a.id + 100);
SELECT b.si, COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.si = b.si GROUP BY b.si;
SELECT a.si, COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.si = b.si GROUP BY a.si;

-- Key i.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i = b.i;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.i = b.i;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.i = b.i;
SELECT id FROM jk_a WHERE i IN (SELECT i FROM jk_b);
SELECT id FROM jk_b WHERE i IN (SELECT i FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.i);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.i);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.i = a.i);
SELECT id FROM jk_a WHERE i NOT IN (SELECT i FROM jk_b WHERE i IS NOT NULL);
SELECT id FROM jk_a WHERE i NOT IN (SELECT i FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.i = b.i;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.i = b.i;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.i = a.i);
SELECT id FROM jk_a WHERE i NOT IN (SELECT i FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.i = b.i;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i = b.i AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.i AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.i AND b.id > a.id + 100);
SELECT b.i, COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.i = b.i GROUP BY b.i;
SELECT a.i, COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i GROUP BY a.i;

-- Key bi.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.bi = b.bi;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.bi = b.bi;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.bi = b.bi;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.bi = b.bi;
SELECT id FROM jk_a WHERE bi IN (SELECT bi FROM jk_b);
SELECT id FROM jk_b WHERE bi IN (SELECT bi FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.bi = a.bi);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.bi = a.bi);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.bi = a.bi);
SELECT id FROM jk_a WHERE bi NOT IN (SELECT bi FROM jk_b WHERE bi IS NOT NULL);
SELECT id FROM jk_a WHERE bi NOT IN (SELECT bi FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.bi = b.bi;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.bi = b.bi;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.bi = a.bi);
SELECT id FROM jk_a WHERE bi NOT IN (SELECT bi FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.bi = b.bi;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.bi = b.bi AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.bi = b.bi AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.bi = a.bi AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.bi = a.bi AND b.id > a.id + 100);
SELECT b.bi, COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.bi = b.bi GROUP BY b.bi;
SELECT a.bi, COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.bi = b.bi GROUP BY a.bi;

-- Key r.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.r = b.r;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.r = b.r;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.r = b.r;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.r = b.r;
SELECT id FROM jk_a WHERE r IN (SELECT r FROM jk_b);
SELECT id FROM jk_b WHERE r IN (SELECT r FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.r = a.r);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.r = a.r);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.r = a.r);
SELECT id FROM jk_a WHERE r NOT IN (SELECT r FROM jk_b WHERE r IS NOT NULL);
SELECT id FROM jk_a WHERE r NOT IN (SELECT r FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.r = b.r;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.r = b.r;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.r = a.r);
SELECT id FROM jk_a WHERE r NOT IN (SELECT r FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.r = b.r;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.r = b.r AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.r = b.r AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.r = a.r AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.r = a.r AND b.id > a.id + 100);
SELECT COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.r = b.r GROUP BY b.r;
SELECT COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.r = b.r GROUP BY a.r;

-- Key d.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d = b.d;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.d = b.d;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.d = b.d;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.d = b.d;
SELECT id FROM jk_a WHERE d IN (SELECT d FROM jk_b);
SELECT id FROM jk_b WHERE d IN (SELECT d FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.d);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.d);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.d = a.d);
SELECT id FROM jk_a WHERE d NOT IN (SELECT d FROM jk_b WHERE d IS NOT NULL);
SELECT id FROM jk_a WHERE d NOT IN (SELECT d FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.d = b.d;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.d = b.d;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.d = a.d);
SELECT id FROM jk_a WHERE d NOT IN (SELECT d FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.d = b.d;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d = b.d AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.d = b.d AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.d AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.d AND b.id > a.id + 100);
SELECT COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.d = b.d GROUP BY b.d;
SELECT COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.d = b.d GROUP BY a.d;

-- Key dc.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dc = b.dc;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.dc = b.dc;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.dc = b.dc;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.dc = b.dc;
SELECT id FROM jk_a WHERE dc IN (SELECT dc FROM jk_b);
SELECT id FROM jk_b WHERE dc IN (SELECT dc FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.dc = a.dc);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.dc = a.dc);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.dc = a.dc);
SELECT id FROM jk_a WHERE dc NOT IN (SELECT dc FROM jk_b WHERE dc IS NOT NULL);
SELECT id FROM jk_a WHERE dc NOT IN (SELECT dc FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.dc = b.dc;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.dc = b.dc;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.dc = a.dc);
SELECT id FROM jk_a WHERE dc NOT IN (SELECT dc FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.dc = b.dc;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dc = b.dc AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.dc = b.dc AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.dc = a.dc AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.dc = a.dc AND b.id > a.id + 100);
SELECT b.dc, COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.dc = b.dc GROUP BY b.dc;
SELECT a.dc, COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.dc = b.dc GROUP BY a.dc;

-- Key dt.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dt = b.dt;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.dt = b.dt;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.dt = b.dt;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.dt = b.dt;
SELECT id FROM jk_a WHERE dt IN (SELECT dt FROM jk_b);
SELECT id FROM jk_b WHERE dt IN (SELECT dt FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.dt = a.dt);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.dt = a.dt);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.dt = a.dt);
SELECT id FROM jk_a WHERE dt NOT IN (SELECT dt FROM jk_b WHERE dt IS NOT NULL);
SELECT id FROM jk_a WHERE dt NOT IN (SELECT dt FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.dt = b.dt;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.dt = b.dt;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.dt = a.dt);
SELECT id FROM jk_a WHERE dt NOT IN (SELECT dt FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.dt = b.dt;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dt = b.dt AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.dt = b.dt AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.dt = a.dt AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.dt = a.dt AND b.id > a.id + 100);
SELECT b.dt, COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.dt = b.dt GROUP BY b.dt;
SELECT a.dt, COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.dt = b.dt GROUP BY a.dt;

-- Key s.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s = b.s;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.s = b.s;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.s = b.s;
SELECT id FROM jk_a WHERE s IN (SELECT s FROM jk_b);
SELECT id FROM jk_b WHERE s IN (SELECT s FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.s = a.s);
SELECT id FROM jk_a WHERE s NOT IN (SELECT s FROM jk_b WHERE s IS NOT NULL);
SELECT id FROM jk_a WHERE s NOT IN (SELECT s FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.s = b.s;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.s = b.s;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.s = a.s);
SELECT id FROM jk_a WHERE s NOT IN (SELECT s FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.s = b.s;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s = b.s AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s AND b.id > a.id + 100);
SELECT b.s, COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.s = b.s GROUP BY b.s;
SELECT a.s, COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s GROUP BY a.s;

-- Key b.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.b = b.b;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.b = b.b;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.b = b.b;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.b = b.b;
SELECT id FROM jk_a WHERE b IN (SELECT b FROM jk_b);
SELECT id FROM jk_b WHERE b IN (SELECT b FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.b = a.b);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.b = a.b);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.b = a.b);
SELECT id FROM jk_a WHERE b NOT IN (SELECT b FROM jk_b WHERE b IS NOT NULL);
SELECT id FROM jk_a WHERE b NOT IN (SELECT b FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.b = b.b;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.b = b.b;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.b = a.b);
SELECT id FROM jk_a WHERE b NOT IN (SELECT b FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.b = b.b;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.b = b.b AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.b = b.b AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.b = a.b AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.b = a.b AND b.id > a.id + 100);
SELECT b.b, COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.b = b.b GROUP BY b.b;
SELECT a.b, COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.b = b.b GROUP BY a.b;

-- Key ts.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ts = b.ts;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ts = b.ts;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.ts = b.ts;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.ts = b.ts;
SELECT id FROM jk_a WHERE ts IN (SELECT ts FROM jk_b);
SELECT id FROM jk_b WHERE ts IN (SELECT ts FROM jk_a);
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.ts = a.ts);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.ts = a.ts);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.ts = a.ts);
SELECT id FROM jk_a WHERE ts NOT IN (SELECT ts FROM jk_b WHERE ts IS NOT NULL);
SELECT id FROM jk_a WHERE ts NOT IN (SELECT ts FROM jk_b);
SELECT a.id, b.id FROM jk_a a JOIN jk_empty b ON a.ts = b.ts;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.ts = b.ts;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.ts = a.ts);
SELECT id FROM jk_a WHERE ts NOT IN (SELECT ts FROM jk_empty);
SELECT a.id, b.id FROM jk_a a JOIN jk_a b ON a.ts = b.ts;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ts = b.ts AND a.id + 100 < b.id;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ts = b.ts AND a.id + 100 < b.id;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.ts = a.ts AND b.id > a.id + 100);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.ts = a.ts AND b.id > a.id + 100);
SELECT COUNT(*), SUM(a.id), MIN(b.id) FROM jk_a a JOIN jk_b b ON a.ts = b.ts GROUP BY b.ts;
SELECT COUNT(*), COUNT(b.id), SUM(b.id) FROM jk_a a LEFT JOIN jk_b b ON a.ts = b.ts GROUP BY a.ts;

-- Keys i, s.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i = b.i AND a.s = b.s;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i AND a.s = b.s;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.i = b.i AND a.s = b.s;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.i AND b.s = a.s);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.i AND b.s = a.s);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.i = a.i AND b.s = a.s);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i AND a.s = b.s AND a.id + 100 <> b.id;

-- Keys s, i.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s = b.s AND a.i = b.i;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s AND a.i = b.i;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.s = b.s AND a.i = b.i;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s AND b.i = a.i);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s AND b.i = a.i);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.s = a.s AND b.i = a.i);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s AND a.i = b.i AND a.id + 100 <> b.id;

-- Keys bi, dt.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.bi = b.bi AND a.dt = b.dt;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.bi = b.bi AND a.dt = b.dt;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.bi = b.bi AND a.dt = b.dt;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.bi = a.bi AND b.dt = a.dt);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.bi = a.bi AND b.dt = a.dt);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.bi = a.bi AND b.dt = a.dt);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.bi = b.bi AND a.dt = b.dt AND a.id + 100 <> b.id;

-- Keys s, dc, b.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s = b.s AND a.dc = b.dc AND a.b = b.b;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s AND a.dc = b.dc AND a.b = b.b;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.s = b.s AND a.dc = b.dc AND a.b = b.b;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s AND b.dc = a.dc AND b.b = a.b);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s AND b.dc = a.dc AND b.b = a.b);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.s = a.s AND b.dc = a.dc AND b.b = a.b);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s AND a.dc = b.dc AND a.b = b.b AND a.id + 100 <> b.id;

-- Keys r, d.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.r = b.r AND a.d = b.d;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.r = b.r AND a.d = b.d;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.r = b.r AND a.d = b.d;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.r = a.r AND b.d = a.d);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.r = a.r AND b.d = a.d);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.r = a.r AND b.d = a.d);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.r = b.r AND a.d = b.d AND a.id + 100 <> b.id;

-- Keys ti, si, ts.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ti = b.ti AND a.si = b.si AND a.ts = b.ts;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ti = b.ti AND a.si = b.si AND a.ts = b.ts;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.ti = b.ti AND a.si = b.si AND a.ts = b.ts;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.ti = a.ti AND b.si = a.si AND b.ts = a.ts);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.ti = a.ti AND b.si = a.si AND b.ts = a.ts);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.ti = a.ti AND b.si = a.si AND b.ts = a.ts);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ti = b.ti AND a.si = b.si AND a.ts = b.ts AND a.id + 100 <> b.id;

-- Keys dc, i.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dc = b.dc AND a.i = b.i;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.dc = b.dc AND a.i = b.i;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.dc = b.dc AND a.i = b.i;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.dc = a.dc AND b.i = a.i);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.dc = a.dc AND b.i = a.i);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.dc = a.dc AND b.i = a.i);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.dc = b.dc AND a.i = b.i AND a.id + 100 <> b.id;

-- Keys b, ti.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.b = b.b AND a.ti = b.ti;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.b = b.b AND a.ti = b.ti;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.b = b.b AND a.ti = b.ti;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.b = a.b AND b.ti = a.ti);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.b = a.b AND b.ti = a.ti);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.b = a.b AND b.ti = a.ti);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.b = b.b AND a.ti = b.ti AND a.id + 100 <> b.id;

-- Keys d, s.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d = b.d AND a.s = b.s;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.d = b.d AND a.s = b.s;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.d = b.d AND a.s = b.s;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.d AND b.s = a.s);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.d AND b.s = a.s);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.d = a.d AND b.s = a.s);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.d = b.d AND a.s = b.s AND a.id + 100 <> b.id;

-- Keys ts, bi.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ts = b.ts AND a.bi = b.bi;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ts = b.ts AND a.bi = b.bi;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.ts = b.ts AND a.bi = b.bi;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.ts = a.ts AND b.bi = a.bi);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.ts = a.ts AND b.bi = a.bi);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.ts = a.ts AND b.bi = a.bi);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ts = b.ts AND a.bi = b.bi AND a.id + 100 <> b.id;

-- Keys b, s, r, dt.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.b = b.b AND a.s = b.s AND a.r = b.r AND a.dt = b.dt;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.b = b.b AND a.s = b.s AND a.r = b.r AND a.dt = b.dt;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.b = b.b AND a.s = b.s AND a.r = b.r AND a.dt = b.dt;
SELECT id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.b = a.b AND b.s = a.s AND b.r = a.r AND b.dt = a.dt);
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.b = a.b AND b.s = a.s AND b.r = a.r AND b.dt = a.dt);
SELECT id FROM jk_b b WHERE NOT EXISTS (SELECT 1 FROM jk_a a WHERE b.b = a.b AND b.s = a.s AND b.r = a.r AND b.dt = a.dt);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.b = b.b AND a.s = b.s AND a.r = b.r AND a.dt = b.dt AND a.id + 100 <> b.id;

-- Keys of two types: i and bi.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i = b.bi;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.bi;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.bi = a.i);
SELECT id FROM jk_a WHERE i IN (SELECT bi FROM jk_b);

-- Keys of two types: bi and i.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.bi = b.i;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.bi = b.i;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.bi);
SELECT id FROM jk_a WHERE bi IN (SELECT i FROM jk_b);

-- Keys of two types: ti and i.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ti = b.i;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ti = b.i;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.ti);
SELECT id FROM jk_a WHERE ti IN (SELECT i FROM jk_b);

-- Keys of two types: si and bi.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.si = b.bi;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.si = b.bi;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.bi = a.si);
SELECT id FROM jk_a WHERE si IN (SELECT bi FROM jk_b);

-- Keys of two types: ti and si.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ti = b.si;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ti = b.si;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.si = a.ti);
SELECT id FROM jk_a WHERE ti IN (SELECT si FROM jk_b);

-- Keys of two types: r and d.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.r = b.d;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.r = b.d;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.r);
SELECT id FROM jk_a WHERE r IN (SELECT d FROM jk_b);

-- Keys of two types: d and r.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d = b.r;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.d = b.r;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.r = a.d);
SELECT id FROM jk_a WHERE d IN (SELECT r FROM jk_b);

-- Keys of two types: i and d.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i = b.d;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.d;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.i);
SELECT id FROM jk_a WHERE i IN (SELECT d FROM jk_b);

-- Keys of two types: d and i.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d = b.i;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.d = b.i;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.d);
SELECT id FROM jk_a WHERE d IN (SELECT i FROM jk_b);

-- Keys of two types: dc and i.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dc = b.i;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.dc = b.i;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.dc);
SELECT id FROM jk_a WHERE dc IN (SELECT i FROM jk_b);

-- Keys of two types: i and dc.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i = b.dc;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.dc;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.dc = a.i);
SELECT id FROM jk_a WHERE i IN (SELECT dc FROM jk_b);

-- Keys of two types: dc and d.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dc = b.d;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.dc = b.d;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.dc);
SELECT id FROM jk_a WHERE dc IN (SELECT d FROM jk_b);

-- Keys of two types: dt and ts.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dt = b.ts;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.dt = b.ts;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.ts = a.dt);
SELECT id FROM jk_a WHERE dt IN (SELECT ts FROM jk_b);

-- Keys of two types: ts and dt.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ts = b.dt;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ts = b.dt;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.dt = a.ts);
SELECT id FROM jk_a WHERE ts IN (SELECT dt FROM jk_b);

-- Keys of two types: bi and dc.
-- known-bug BIGINT = DECIMAL(12, 3) overflows (22003) on BIGINT extremes, which DuckDB compares
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.bi = b.dc;
-- known-bug BIGINT = DECIMAL(12, 3) overflows (22003) on BIGINT extremes, which DuckDB compares
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.bi = b.dc;
-- known-bug BIGINT = DECIMAL(12, 3) overflows (22003) on BIGINT extremes, which DuckDB compares
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.dc = a.bi);
-- known-bug BIGINT = DECIMAL(12, 3) overflows (22003) on BIGINT extremes, which DuckDB compares
SELECT id FROM jk_a WHERE bi IN (SELECT dc FROM jk_b);

-- Outside join keys, a BIGINT compares with a DECIMAL by value, also where the BIGINT has more
-- digits than their common type DECIMAL(19, 3) holds.
SELECT id FROM jk_a WHERE bi = dc OR bi = -dc;
SELECT a.id, b.id FROM jk_a a, jk_b b WHERE a.bi < b.dc;
SELECT id FROM jk_a WHERE bi >= dc;
SELECT id FROM jk_a WHERE bi BETWEEN dc AND 5;

-- Keys of two types: r and i.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.r = b.i;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.r = b.i;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.i = a.r);
SELECT id FROM jk_a WHERE r IN (SELECT i FROM jk_b);

-- Keys of two types: ti and dc.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ti = b.dc;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.ti = b.dc;
SELECT id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.dc = a.ti);
SELECT id FROM jk_a WHERE ti IN (SELECT dc FROM jk_b);

-- Several joins in one query.
SELECT a.id, b.id, c.id FROM jk_a a JOIN jk_b b ON a.i = b.i JOIN jk_b c ON b.s = c.s;
SELECT a.id, b.id, c.id FROM jk_a a LEFT JOIN jk_b b ON a.d = b.d LEFT JOIN jk_a c ON b.r = c.r;
SELECT a.id, b.id, c.id FROM jk_a a JOIN jk_b b ON a.dt = b.dt JOIN jk_a c ON b.bi = c.bi AND c.id <> a.id;
SELECT a.id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s) AND NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.d);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s WHERE a.i NOT IN (SELECT i FROM jk_b WHERE i IS NOT NULL AND b > false);
SELECT a.s, COUNT(DISTINCT b.id), SUM(c.id) FROM jk_a a JOIN jk_b b ON a.ti = b.ti LEFT JOIN jk_b c ON b.dc = c.dc GROUP BY a.s;
SELECT x.id, y.id, z.id, w.id FROM jk_b x JOIN jk_b y ON x.i = y.i JOIN jk_b z ON y.s = z.s JOIN jk_b w ON z.d = w.d;
