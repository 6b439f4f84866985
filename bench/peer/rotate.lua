-- wrk script of bench/peer.sh: GET /api/products, the Host rotated over TENANTS tenants (peer-0 … ),
-- each thread starting at its own offset; TOKEN (when set) sent as a bearer token. Prints, after the run,
-- one line: "requests req/s p50_ms p99_ms non2xx".
local tenants = tonumber(os.getenv("TENANTS") or "100")
local domain = os.getenv("DOMAIN") or "localhost"
local token = os.getenv("TOKEN") or ""
local threads = {}
local counter = 0

function setup(thread)
  thread:set("offset", #threads * 37)
  table.insert(threads, thread)
end

function init(args)
  counter = offset
end

function request()
  counter = counter + 1
  local headers = { Host = "peer-" .. (counter % tenants) .. "." .. domain }
  if token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  return wrk.format("GET", "/api/products", headers)
end

function done(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.2f %.2f %d\n", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad))
end
