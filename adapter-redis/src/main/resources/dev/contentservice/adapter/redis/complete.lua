-- Forgets a delivered entry: acknowledge and delete, so acknowledged entries never accumulate.
-- KEYS[1] the queue stream   ARGV[1] group   ARGV[2] entry id
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return redis.call('XDEL', KEYS[1], ARGV[2])
