-- Submits a batch of jobs, each unless its draft already has one in flight, each in one atomic step: the
-- submits that arrive together go to Redis in one call (RedisJobRepository's group commit).
-- KEYS[1] the queue stream, then for each job three keys:
--   job:{jobId}   content:inflight:{eventDraftId}   ai:event:{eventDraftId}
-- ARGV[1] ttl in ms   ARGV[2] consumer group   ARGV[3] the job-changes channel
-- ARGV[4] the in-flight statuses, separated by spaces (JobStatus.inFlight(), from Java)
-- then for each job: jobId, '1' to read its recommendation from its ai:event key in the same step and keep
-- it as the job's snapshot, as the AI service wrote it (RecommendationJson reads both alike) or '0' when
-- the fields hold it already, the number n of field and value arguments that follow, and those n.
-- Publishes each stored jobId on the channel, in the same step (no change without its notice).
-- Returns one reply per job, in order: {1, jobId, snapshot} when stored and enqueued, {0, otherJobId,
-- field, value, ...} of the job in flight, {-1} when its ai:event key holds nothing, {-2, why} when it
-- holds nothing usable, {-3} when cjson cannot read it or it is over MAX_SNAPSHOT (then Java's reader
-- judges it, in a step of its own), or {-4, error} when Redis refused one of the job's commands (the other
-- jobs of the batch are not affected).

-- A recommendation is usable as RecommendationJson reads it: a JSON object with a title in eventInfo or in
-- selectedRecommendation. What cjson reads and this refuses, the Java reader refuses too; cjson is laxer in
-- a few ways (hexadecimal numbers, raw control characters in strings) and the Java reader, reading the
-- snapshot, stays the judge: a job it cannot read is withdrawn again.
local MAX_DEPTH = 64 -- as RecommendationJson's parser allows
local MAX_SNAPSHOT = 65536 -- bytes of a record kept whole as the job's snapshot

-- whether a JSON value is numbers and nesting within MAX_DEPTH all the way down
local function sane(value, depth)
  if type(value) == 'number' then
    return value == value -- cjson reads NaN, which JSON has not
  end
  if type(value) ~= 'table' then return true end
  if depth > MAX_DEPTH then return false end
  for _, item in pairs(value) do
    if not sane(item, depth + 1) then return false end
  end
  return true
end

-- whether a title is there as Java's Text.clean keeps it: a scalar with something besides control
-- characters and what Character.isWhitespace counts as space
local function present(holder)
  if type(holder) ~= 'table' then return false end
  local title = holder['title']
  if type(title) == 'number' or type(title) == 'boolean' then return true end
  if type(title) ~= 'string' then return false end
  -- a byte that starts none of the blanks below: kept (the common case, without copying the title)
  if string.find(title, '[^%z\1-\32\127\194\225\226\227\128-\191]') then return true end
  local left = title:gsub('[%z\1-\32\127]', '')
  left = left:gsub('\194[\128-\159]', '') -- C1 controls
  left = left:gsub('\225\154\128', '') -- U+1680
  left = left:gsub('\226\128[\128-\134\136-\138\168\169]', '') -- U+2000-2006, U+2008-200A, U+2028-2029
  left = left:gsub('\226\129\159', '') -- U+205F
  left = left:gsub('\227\128\128', '') -- U+3000
  return #left > 0
end

-- the recommendation in key, checked, as {raw} or as the reply that refuses it
local function recommendation(key)
  local raw = redis.pcall('GET', key)
  if type(raw) == 'table' and raw.err then return nil, {-2, 'is not a JSON string'} end
  if not raw then return nil, {-1} end
  -- a record too big to keep whole, or one cjson cannot read: Java reads it and keeps only what it uses
  if #raw > MAX_SNAPSHOT then return nil, {-3} end
  local read, doc = pcall(cjson.decode, raw)
  if not read then return nil, {-3} end
  if not sane(doc, 1) then return nil, {-2, 'is not JSON'} end
  if type(doc) ~= 'table' or not string.find(raw, '^[ \t\r\n]*{') then return nil, {-2, 'is not a JSON object'} end
  if not present(doc['eventInfo']) and not present(doc['selectedRecommendation']) then
    return nil, {-2, 'has neither title'}
  end
  return raw, nil
end

local ttl = tonumber(ARGV[1])
local inFlight = ' ' .. ARGV[4] .. ' '
local stored = 0

-- one job: its keys and its arguments from ARGV[at]
local function submit(jobKey, markKey, recommendationKey, at)
  local jobId = ARGV[at]
  local n = tonumber(ARGV[at + 2])
  local snapshot = nil
  if ARGV[at + 1] == '1' then
    local refused
    snapshot, refused = recommendation(recommendationKey)
    if refused then return refused end
  end
  local current = redis.call('GET', markKey)
  if current then
    -- the mark names a job id; its hash key is built here (standalone Redis, not cluster)
    local other = redis.call('HGETALL', 'job:' .. current)
    local status = nil
    for i = 1, #other, 2 do
      if other[i] == 'status' then status = other[i + 1] end
    end
    if status and string.find(inFlight, ' ' .. status .. ' ', 1, true) then
      local reply = {0, current}
      for i = 1, #other do reply[#reply + 1] = other[i] end
      return reply
    end
    -- the job it names is gone or finished: the mark does not block
  end
  local fields = {unpack(ARGV, at + 3, at + 2 + n)}
  if snapshot then
    fields[#fields + 1] = 'recommendation'
    fields[#fields + 1] = snapshot
  end
  redis.call('HSET', jobKey, unpack(fields))
  redis.call('PEXPIRE', jobKey, ttl)
  redis.call('SET', markKey, jobId, 'PX', ttl)
  if stored == 0 and redis.call('EXISTS', KEYS[1]) == 0 then
    redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[2], '0', 'MKSTREAM')
  end
  redis.call('XADD', KEYS[1], '*', 'jobId', jobId)
  redis.call('PUBLISH', ARGV[3], jobId)
  stored = stored + 1
  return {1, jobId, snapshot}
end

local replies = {}
local at = 5
for k = 2, #KEYS, 3 do
  local ok, reply = pcall(submit, KEYS[k], KEYS[k + 1], KEYS[k + 2], at)
  if not ok then
    if type(reply) == 'table' then reply = reply.err end
    reply = {-4, tostring(reply)}
  end
  replies[#replies + 1] = reply
  at = at + 3 + tonumber(ARGV[at + 2])
end
-- the stream lives as long as its newest job could, and an hour more, so that most batches need not
-- extend it; nothing here lives forever
if stored > 0 and redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('PEXPIRE', KEYS[1], ttl + 3600000)
end
return replies
