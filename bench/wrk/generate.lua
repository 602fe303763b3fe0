-- Generate requests: POST /api/content/images/{id}/generate with a new draft id on every request, so the
-- service's dedupe never turns a request into a read. Ids are <prefix><thread>-<n>, n = 0, 1, 2, ...;
-- the harness preloads a recommendation for n below its per-thread budget (wrk -s generate.lua URL -- prefix).
-- A request past the budget finds no recommendation and counts as a non-2xx answer (errors_status).

local next_thread = 0

function setup(thread)
  thread:set("thread_no", next_thread)
  next_thread = next_thread + 1
end

local counter = 0
local prefix = "g"

function init(args)
  if args[1] then prefix = args[1] end
end

function request()
  local id = prefix .. thread_no .. "-" .. counter
  counter = counter + 1
  return wrk.format("POST", "/api/content/images/" .. id .. "/generate", nil, nil)
end

function done(summary, latency, requests)
  io.write(string.format(
    "WRK_JSON {\"requests\":%d,\"duration_us\":%d,\"p50_us\":%d,\"p99_us\":%d,\"mean_us\":%.1f," ..
    "\"errors_connect\":%d,\"errors_read\":%d,\"errors_write\":%d,\"errors_status\":%d,\"errors_timeout\":%d}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.mean,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
