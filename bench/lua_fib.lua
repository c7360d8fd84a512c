-- Recursive calls: naive Fibonacci. Usage: lua5.4 lua_fib.lua [N]
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
local n = tonumber(arg[1] or 27)
print(string.format("fib(%d) = %d", n, fib(n)))
