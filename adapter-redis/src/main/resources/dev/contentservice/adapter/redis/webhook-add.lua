-- Stores a webhook delivery and schedules it, in one atomic step.
-- KEYS[1] content:webhook:{jobId}   KEYS[2] content:webhooks (sorted set)
-- ARGV[1] jobId   ARGV[2] due (epoch ms)   ARGV[3] expires (epoch ms)   ARGV[4..] field, value, ...
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('PEXPIREAT', KEYS[1], tonumber(ARGV[3]))
redis.call('ZADD', KEYS[2], tonumber(ARGV[2]), ARGV[1])
-- the set lives as long as its latest delivery could
if redis.call('PEXPIRETIME', KEYS[2]) < tonumber(ARGV[3]) then
  redis.call('PEXPIREAT', KEYS[2], tonumber(ARGV[3]))
end
return 1
