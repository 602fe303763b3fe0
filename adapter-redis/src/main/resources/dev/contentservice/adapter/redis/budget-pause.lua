-- Pauses the provider's rate budget for every instance: a marker whose PX expiry is the pause.
-- KEYS[1] = the pause marker
-- ARGV[1] = the pause, ms from now
-- A shorter pause never cuts a longer one short. Returns the pause left, ms.
local pause = tonumber(ARGV[1])
local left = redis.call('PTTL', KEYS[1])
if pause > 0 and pause > left then
  redis.call('SET', KEYS[1], '1', 'PX', pause)
  return pause
end
return left
