-- Counts the attempt of an entry just read with a blocking XREADGROUP, or acknowledges and deletes it
-- when its job is gone.
-- KEYS[1] the queue stream   ARGV[1] group   ARGV[2] entry id   ARGV[3] jobId
-- Returns the attempt number, or 0 when the job is gone.
local key = 'job:' .. ARGV[3]
if redis.call('EXISTS', key) == 1 then
  return redis.call('HINCRBY', key, 'attempts', 1)
end
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
return 0
