-- Shared by every scenario: numbers wrk's own summary lacks (p95, exact percentiles, error counts) on one line
-- the orchestrator parses. Latencies are in microseconds.
local report = {}
local threads = {}

function report.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH-RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p95_us=%d p99_us=%d max_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
  local failed = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("failed_statuses") or {}) do
      failed[status] = (failed[status] or 0) + count
    end
  end
  for status, count in pairs(failed) do
    io.write(string.format("BENCH-STATUS %s=%d\n", status, count))
  end
end

-- wrk hands each thread its own Lua state; this numbers them so scripts can seed and tag per thread.
function report.setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_id", #threads)
end

-- Scripts that define response() (it costs wrk a Lua call per response) tally failures by status with this.
failed_statuses = {}
function report.response(status, headers, body)
  if status >= 300 then
    local key = tostring(status)
    failed_statuses[key] = (failed_statuses[key] or 0) + 1
  end
end

return report
