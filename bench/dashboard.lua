-- B3: GET /api/v1/dashboard for one region (SIBAO_BENCH_PATH) with a bearer token (SIBAO_BENCH_TOKEN).
-- Prints p50, p95 and p99 latency in ms and requests/s on the last lines ("p95_ms <v>", ...); wrk itself reports non-2xx answers.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SIBAO_BENCH_TOKEN")
wrk.headers["Accept"] = "application/json"
local path = os.getenv("SIBAO_BENCH_PATH")

request = function()
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  io.write(string.format("p95_ms %.3f\n", latency:percentile(95) / 1000))
  io.write(string.format("p50_ms %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("rps %.1f\n", summary.requests / (summary.duration / 1e6)))
end
