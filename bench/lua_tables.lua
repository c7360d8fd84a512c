-- Table-heavy work: array fill and sort, string-keyed hash inserts and
-- lookups, table of tables, string building. Usage: lua5.4 lua_tables.lua [N]
local n = tonumber(arg[1] or 200000)
local seed = 12345
local function rand()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed
end
local a = {}
for i = 1, n do a[i] = rand() % 1000000 end
table.sort(a)
local h = {}
for i = 1, n do h["k" .. (a[i] % 50021)] = i end
local hits, sum = 0, 0
for i = 1, n do
  local v = h["k" .. (i % 60000)]
  if v then hits = hits + 1; sum = (sum + v) % 1000000007 end
end
local rows = {}
for i = 1, n // 4 do rows[i] = { id = i, name = "row" .. i, score = a[i] % 97 } end
local byscore = {}
for _, r in ipairs(rows) do
  local t = byscore[r.score]
  if not t then t = {}; byscore[r.score] = t end
  t[#t + 1] = r.id
end
local parts = {}
for s = 0, 96 do parts[#parts + 1] = s .. ":" .. #(byscore[s] or {}) end
local joined = table.concat(parts, ",")
print(string.format("n=%d first=%d last=%d hits=%d sum=%d len=%d", n, a[1], a[n], hits, sum, #joined))
