-- POST /v0.1/publish of a new version each time: version <run>.<thread>.<counter> is unique as long as every wrk
-- run gets its own run number; the name is one of <count> names starting with <prefix>.
-- Arguments after "--": token, prefix, count, run.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = here .. "?.lua;" .. package.path
local report = require("report")

local schema = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json"
local counter = 0
local headers, prefix, count, run

setup = report.setup

function init(args)
  headers = { ["Authorization"] = "Bearer " .. args[1], ["Content-Type"] = "application/json" }
  prefix, count, run = args[2], tonumber(args[3]), args[4]
  math.randomseed(os.time() * 16 + (thread_id or 0))
end

function request()
  counter = counter + 1
  local name = prefix .. (math.random(count) - 1)
  local version = string.format("%s.%d.%d", run, thread_id or 0, counter)
  local body = string.format(
    '{"$schema":"%s","name":"%s","description":"Benchmark publication %s of %s","version":"%s"}',
    schema, name, version, name, version)
  return wrk.format("POST", "/v0.1/publish", headers, body)
end

response = report.response
done = report.done
