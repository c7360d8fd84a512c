-- tests/realworld: sqlite3 on a database file: a table filled by a
-- recursive CTE, an index, aggregates, a window function, json and
-- printf, a transaction with a rollback, and an integrity check.
create table t(id integer primary key, grp integer, val real, name text);
with recursive n(i) as (select 1 union all select i + 1 from n where i < 5000)
insert into t(grp, val, name) select i % 17, (i * 7919) % 1000 / 10.0, printf('item-%05d', i) from n;
create index t_grp on t(grp, val);
select count(*), sum(grp), round(sum(val), 1), min(name), max(name) from t;
select grp, count(*), round(avg(val), 3) from t where grp < 3 group by grp order by grp;
select name, val, rank() over (order by val desc, id) from t where grp = 5 order by val desc, id limit 3;
select json_object('n', count(*), 'top', max(val)) from t where name like 'item-049%';
begin; delete from t where grp = 1; select count(*) from t; rollback;
select count(*) from t;
update t set val = val * 2 where id % 1000 = 7;
select round(sum(val), 1) from t where id % 1000 = 7;
select printf('%.3f %d %s', 1.0 / 3, 1 << 40, hex('a32'));
pragma integrity_check;
