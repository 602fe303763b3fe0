-- Reserves the next slot of the provider's rate budget (GCRA without burst) and honours a 429 pause.
-- KEYS[1] = the budget's next free slot, epoch ms (string, PX to just past it)
-- KEYS[2] = the pause marker (its PX expiry is the pause)
-- ARGV[1] = interval between slots, ms (0 = no rate limit, pauses only)
-- ARGV[2] = the longest wait the caller accepts, ms
-- Returns the wait in ms before the caller may call, or -1 when that would exceed ARGV[2] (nothing reserved).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local max_wait = tonumber(ARGV[2])
local start = now
local next_free = tonumber(redis.call('GET', KEYS[1]) or '0')
if next_free > start then
  start = next_free
end
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 and now + paused > start then
  start = now + paused
end
local wait = start - now
if wait > max_wait then
  return -1
end
if interval > 0 then
  local following = start + interval
  redis.call('SET', KEYS[1], tostring(following), 'PX', following - now + 1000)
end
return wait
