-- Submits a job unless its draft already has one in flight, in one atomic step.
-- KEYS[1] job:{jobId}   KEYS[2] content:inflight:{eventDraftId}   KEYS[3] the queue stream
-- ARGV[1] jobId   ARGV[2] ttl in ms   ARGV[3] consumer group   ARGV[4] the job-changes channel
-- ARGV[5] the in-flight statuses, separated by spaces (JobStatus.inFlight(), from Java)
-- ARGV[6..] field, value, ... of the job hash
-- Publishes the jobId on the channel when stored, in the same step (no change without its notice).
-- Returns {1, jobId} when stored and enqueued, or {0, otherJobId, field, value, ...} of the job in flight.
local current = redis.call('GET', KEYS[2])
if current then
  -- the mark names a job id; its hash key is built here (standalone Redis, not cluster)
  local other = redis.call('HGETALL', 'job:' .. current)
  local status = nil
  for i = 1, #other, 2 do
    if other[i] == 'status' then status = other[i + 1] end
  end
  if status and string.find(' ' .. ARGV[5] .. ' ', ' ' .. status .. ' ', 1, true) then
    local reply = {0, current}
    for i = 1, #other do reply[#reply + 1] = other[i] end
    return reply
  end
  -- the job it names is gone or finished: the mark does not block
end
local ttl = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], unpack(ARGV, 6))
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('SET', KEYS[2], ARGV[1], 'PX', ttl)
if redis.call('EXISTS', KEYS[3]) == 0 then
  redis.pcall('XGROUP', 'CREATE', KEYS[3], ARGV[3], '0', 'MKSTREAM')
end
redis.call('XADD', KEYS[3], '*', 'jobId', ARGV[1])
-- the stream lives as long as its newest job could; nothing here lives forever
if redis.call('PTTL', KEYS[3]) < ttl then
  redis.call('PEXPIRE', KEYS[3], ttl)
end
redis.call('PUBLISH', ARGV[4], ARGV[1])
return {1, ARGV[1]}
