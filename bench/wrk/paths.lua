-- Each request is a GET of a random line of the file named after "--" (paths with their query strings).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = here .. "?.lua;" .. package.path
local report = require("report")

local paths = {}

setup = report.setup

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  math.randomseed(os.time() * 16 + (thread_id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = report.done
