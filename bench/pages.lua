-- wrk script for bench/preview.sh: cycles through the paths given after "--", asks for gzip
-- like a browser, and prints every kind of error wrk counts.
local paths = {}
local n = 0

init = function(args)
  for i, p in ipairs(args) do paths[i] = p end
end

request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Accept-Encoding"] = "gzip" })
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("errors: connect %d, read %d, write %d, non-2xx/3xx %d, timeout %d\n",
    e.connect, e.read, e.write, e.status, e.timeout))
  io.write(string.format("requests/s: %.0f; latency p50 %.2f ms, p99 %.2f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
