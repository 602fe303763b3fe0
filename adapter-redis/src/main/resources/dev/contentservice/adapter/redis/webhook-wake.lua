-- Makes a delivery due at once if it still waits for its job to end (no payload) and nobody holds it.
-- KEYS[1] content:webhook:{jobId}   KEYS[2] content:webhooks   ARGV[1] jobId   ARGV[2] now (epoch ms)
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
if redis.call('HEXISTS', KEYS[1], 'payload') == 1 or redis.call('HEXISTS', KEYS[1], 'claim') == 1 then
  return 0
end
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if score and tonumber(score) > tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[2], tonumber(ARGV[2]), ARGV[1])
end
return 1
