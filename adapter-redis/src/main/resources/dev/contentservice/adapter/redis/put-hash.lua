-- Replaces a hash and sets its TTL, in one atomic step.
-- KEYS[1] the hash   ARGV[1] ttl in ms   ARGV[2..] field, value, ...
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
return 1
