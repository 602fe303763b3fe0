-- Gives a claimed job back at once: acknowledge and delete the entry, take back the attempt (a release
-- is not an attempt) and add the job again, immediately claimable by any instance. Only the consumer
-- that owns the entry may release it, and a job that is gone or finished is not added again.
-- KEYS[1] the queue stream   KEYS[2] job:{jobId}
-- ARGV[1] group   ARGV[2] consumer   ARGV[3] entry id   ARGV[4] jobId
-- ARGV[5] the in-flight statuses, separated by spaces (JobStatus.inFlight(), from Java)
-- Returns 1 when added again, 0 otherwise.
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
if #pending == 0 or pending[1][2] ~= ARGV[2] then return 0 end
redis.call('XACK', KEYS[1], ARGV[1], ARGV[3])
redis.call('XDEL', KEYS[1], ARGV[3])
local status = redis.call('HGET', KEYS[2], 'status')
if not status or not string.find(' ' .. ARGV[5] .. ' ', ' ' .. status .. ' ', 1, true) then return 0 end
if (tonumber(redis.call('HGET', KEYS[2], 'attempts')) or 0) > 0 then
  redis.call('HINCRBY', KEYS[2], 'attempts', -1)
end
redis.call('XADD', KEYS[1], '*', 'jobId', ARGV[4])
local ttl = redis.call('PTTL', KEYS[2])
if ttl > 0 and redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return 1
