-- Finishes a claimed job in one step: replaces the draft's image set (COMPLETED; as put-hash.lua does), writes the terminal status with
-- the same forward-only check as update.lua, keeps the failure detail (FAILED), clears the draft's
-- in-flight mark, publishes the change, and acknowledges and deletes the queue entry. When the job may
-- not become the next status (gone, or finished by another worker) nothing but the acknowledgement is
-- written.
-- KEYS[1] job:{jobId}   KEYS[2] job:{jobId}:error   KEYS[3] content:inflight:{eventDraftId}
-- KEYS[4] the queue stream   KEYS[5] content:image:{eventDraftId}
-- ARGV[1] jobId   ARGV[2] next status   ARGV[3] error detail (FAILED only)   ARGV[4] fallback ttl in ms
-- ARGV[5] the job-changes channel   ARGV[6] group   ARGV[7] entry id   ARGV[8] image set ttl in ms
-- ARGV[9] the statuses the stored job may have, separated by spaces (JobStatus.allowedFrom(next), from Java)
-- ARGV[10] n: how many image set values follow (0: none)   ARGV[11..10+n] field, value, ...
-- ARGV[11+n..] field, value, ... of the job hash
-- Returns 1 when the job was written, 0 otherwise.
local written = 0
local status = redis.call('HGET', KEYS[1], 'status')
if status and string.find(' ' .. ARGV[9] .. ' ', ' ' .. status .. ' ', 1, true) then
  local n = tonumber(ARGV[10])
  if n > 0 then
    redis.call('DEL', KEYS[5])
    redis.call('HSET', KEYS[5], unpack(ARGV, 11, 10 + n))
    redis.call('PEXPIRE', KEYS[5], tonumber(ARGV[8]))
  end
  redis.call('HSET', KEYS[1], unpack(ARGV, 11 + n))
  if ARGV[2] == 'FAILED' then
    local ttl = redis.call('PTTL', KEYS[1])
    if ttl <= 0 then ttl = tonumber(ARGV[4]) end
    redis.call('SET', KEYS[2], ARGV[3], 'PX', ttl)
  end
  if redis.call('GET', KEYS[3]) == ARGV[1] then
    redis.call('DEL', KEYS[3])
  end
  redis.call('PUBLISH', ARGV[5], ARGV[1])
  written = 1
end
redis.call('XACK', KEYS[4], ARGV[6], ARGV[7])
redis.call('XDEL', KEYS[4], ARGV[7])
return written
