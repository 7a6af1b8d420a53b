-- chronicle — wrk script for make bench-serve (bench/serve_bench.sh): GETs
-- the paths given after "--" in turn, and prints one JSON line at the end
-- with requests/s, latency percentiles and every kind of error.
local paths = { "/" }
local i = 0

function init(args)
  if #args > 0 then paths = args end
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "seconds": %.2f, "rps": %.1f, "p50_ms": %.3f, "p90_ms": %.3f, ' ..
    '"p99_ms": %.3f, "max_ms": %.3f, "bytes": %d, "errors": {"connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout))
end
