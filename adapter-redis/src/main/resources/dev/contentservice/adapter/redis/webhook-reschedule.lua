-- Writes the next state of a claimed delivery and lets the claim go, if the claim is still current.
-- KEYS[1] content:webhook:{jobId}   KEYS[2] content:webhooks
-- ARGV[1] jobId   ARGV[2] token   ARGV[3] due (epoch ms)   ARGV[4] expires (epoch ms)   ARGV[5..] field, value, ...
if redis.call('HGET', KEYS[1], 'claim') ~= ARGV[2] then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 5))
redis.call('PEXPIREAT', KEYS[1], tonumber(ARGV[4]))
redis.call('ZADD', KEYS[2], tonumber(ARGV[3]), ARGV[1])
if redis.call('PEXPIRETIME', KEYS[2]) < tonumber(ARGV[4]) then
  redis.call('PEXPIREAT', KEYS[2], tonumber(ARGV[4]))
end
return 1
