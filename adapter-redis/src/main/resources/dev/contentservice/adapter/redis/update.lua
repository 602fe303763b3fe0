-- Forward-only compare-and-set of a job's status, in one atomic step.
-- KEYS[1] job:{jobId}   KEYS[2] job:{jobId}:error   KEYS[3] content:inflight:{eventDraftId}
-- ARGV[1] jobId   ARGV[2] next status   ARGV[3] error detail (FAILED only)   ARGV[4] fallback ttl in ms
-- ARGV[5] the job-changes channel
-- ARGV[6] the statuses the stored job may have, separated by spaces (JobStatus.allowedFrom(next), from Java)
-- ARGV[7..] field, value, ... to write
-- Publishes the jobId on the channel when written, in the same step (no change without its notice).
-- Returns 1 when written, 0 when the job is gone or its status may not become the next one.
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 0 end
local nextStatus = ARGV[2]
if not string.find(' ' .. ARGV[6] .. ' ', ' ' .. status .. ' ', 1, true) then
  return 0
end
redis.call('HDEL', KEYS[1], 'errorCode', 'generator')
redis.call('HSET', KEYS[1], unpack(ARGV, 7))
if nextStatus == 'FAILED' then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl <= 0 then ttl = tonumber(ARGV[4]) end
  redis.call('SET', KEYS[2], ARGV[3], 'PX', ttl)
end
if nextStatus == 'COMPLETED' or nextStatus == 'FAILED' then
  if redis.call('GET', KEYS[3]) == ARGV[1] then
    redis.call('DEL', KEYS[3])
  end
end
redis.call('PUBLISH', ARGV[5], ARGV[1])
return 1
