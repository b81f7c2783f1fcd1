-- POSTs a measurement of a different indicator each time (the ids in $INDICATORS), with a distinct value and a date
-- in the past, as a data partner's system does. Each wrk thread starts at a different place in the list.
local ids = {}
for line in io.lines(os.getenv("INDICATORS")) do ids[#ids + 1] = line end
local threads = 0
setup = function(thread)
  thread:set("start", threads)
  threads = threads + 1
end
local i, n
request = function()
  if i == nil then
    i = math.floor((start or 0) * #ids / 2)
    n = (tonumber(os.getenv("SEED") or "1") * 1000003 + (start or 0) * 7919) % 1000000
  end
  i = i % #ids + 1
  n = n + 1
  local day = 1 + n % 28
  local body = string.format('{"value": "%d.%d", "date": "2019-%02d-%02d", "source": "Benchmark partner %d"}',
    n % 5000, n % 10, 1 + n % 12, day, n)
  -- wrk.format sends the headers it is given instead of wrk.headers (where the token is), so the body's type goes
  -- there too.
  wrk.headers["Content-Type"] = "application/json"
  return wrk.format("POST", "/api/v1/indicators/" .. ids[i] .. "/measurements", nil, body)
end
