-- Sends the paths of the file named by $PATHS in turn, each wrk thread from a different place in the list, so no two
-- requests in a round are the same (until a list runs out and starts again).
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local threads = 0
setup = function(thread)
  thread:set("start", threads)
  threads = threads + 1
end
local i
request = function()
  if i == nil then i = math.floor((start or 0) * #paths / 2) end
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
