-- sqlite3 in memory: bulk and statement-by-statement inserts in
-- transactions, an index, then aggregate, join, sort, update and delete.
-- bench/run.sh replaces @ROWS@ with the row count and @INSERTS@ with
-- @ROWS@/5 single-row INSERT statements, and runs the result as
-- sqlite3 :memory: < sqlite.sql
CREATE TABLE t(id INTEGER PRIMARY KEY, grp INTEGER, name TEXT, val REAL);
BEGIN;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < @ROWS@)
INSERT INTO t(grp, name, val) SELECT (i * 7919) % 211, 'name' || (i * 31 % 5003), (i * 2654435761 % 1000003) / 7.0 FROM c;
COMMIT;
CREATE TABLE log(id INTEGER PRIMARY KEY, msg TEXT, amount REAL);
BEGIN;
@INSERTS@
COMMIT;
SELECT count(*), printf('%.2f', sum(amount)), max(length(msg)) FROM log;
CREATE INDEX t_grp ON t(grp);
CREATE TABLE g(grp INTEGER PRIMARY KEY, label TEXT);
INSERT INTO g SELECT DISTINCT grp, 'group-' || grp FROM t;
SELECT count(*), sum(grp), printf('%.3f', avg(val)) FROM t;
SELECT grp, count(*), printf('%.2f', max(val)) FROM t WHERE grp BETWEEN 10 AND 14 GROUP BY grp ORDER BY grp;
SELECT g.label, count(*) AS c FROM t JOIN g USING (grp) WHERE t.name LIKE 'name1%' GROUP BY g.label ORDER BY c DESC, g.label LIMIT 3;
SELECT name, count(*) FROM t GROUP BY name ORDER BY count(*) DESC, name LIMIT 3;
UPDATE t SET val = val * 2 WHERE grp % 3 = 0;
DELETE FROM t WHERE id % 5 = 0;
SELECT count(*), printf('%.3f', sum(val)) FROM t;
