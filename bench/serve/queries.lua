-- wrk script: GET /search for each query of a file in turn (one per line),
-- n=10, and count answers that are not 200 (wrk counts socket errors itself).
local queries = {}
local next_query = 1
local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then queries[#queries + 1] = "/search?n=10&q=" .. encode(line) end
  end
  -- Each thread starts at another place of the list.
  next_query = (math.random(#queries))
end

function request()
  local path = queries[next_query]
  next_query = next_query % #queries + 1
  return wrk.format("GET", path)
end
