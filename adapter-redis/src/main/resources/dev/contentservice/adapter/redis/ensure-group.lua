-- Creates the queue stream and its consumer group when either is missing (the stream expires after an
-- hour without jobs), with a TTL so that even an empty queue does not live forever.
-- KEYS[1] the queue stream   ARGV[1] group   ARGV[2] ttl in ms
redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
if redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
end
return 1
