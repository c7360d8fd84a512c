-- tests/realworld: a Lua 5.4 script: closures, coroutines, metatables,
-- string patterns and formatting, integer and float arithmetic, table.sort
-- with a comparator, utf8, and a small prime sieve.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter(); c(); c()
print("closure", c())

local gen = coroutine.wrap(function()
  for i = 1, 5 do coroutine.yield(i * i) end
end)
local squares = {}
for _ = 1, 5 do squares[#squares + 1] = gen() end
print("coroutine", table.concat(squares, ","))

local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, V) end
V.__tostring = function(v) return string.format("(%g,%g)", v.x, v.y) end
local v = setmetatable({x = 1, y = 2}, V) + setmetatable({x = 0.5, y = -3}, V)
print("metatable", tostring(v))

local s = "The quick brown fox jumps over the lazy dog"
local words = {}
for w in s:gmatch("%a+") do words[#words + 1] = w:lower() end
table.sort(words, function(a, b) if #a ~= #b then return #a > #b end return a < b end)
print("sort", table.concat(words, " "))
print("gsub", (s:gsub("(%w+) (%w+)", "%2 %1", 2)))
print("format", string.format("%5.2f|%-6s|%x|%q|%d", math.pi, "ab", 255, "a\nb", math.maxinteger))
print("integers", 7 // 2, -7 // 2, 7 % -3, 1 << 62, math.type(2^53), 3 / 2, math.tointeger(2^31))

local sieve, primes = {}, {}
for i = 2, 20000 do
  if not sieve[i] then
    primes[#primes + 1] = i
    for j = i * i, 20000, i do sieve[j] = true end
  end
end
print("primes", #primes, primes[#primes])
local t = {}
for i = 1, 30000 do t[i] = (i * 7919) % 100003 end
table.sort(t)
local sum = 0
for i = 1, #t, 300 do sum = sum + t[i] end
print("table", #t, sum)
print("utf8", utf8.len("héllo wörld"), utf8.char(0x263A))
print("lua ok", _VERSION)
