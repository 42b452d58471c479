-- Shared by every scenario: numbers wrk's own summary lacks (p95, exact percentiles, error counts) on one line
-- the orchestrator parses. Latencies are in microseconds.
local report = {}

function report.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH-RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p95_us=%d p99_us=%d max_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end

-- wrk hands each thread its own Lua state; this numbers them so scripts can seed and tag per thread.
local threads = 0
function report.setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

return report
