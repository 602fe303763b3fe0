-- Submits a job unless its draft already has one in flight, in one atomic step.
-- KEYS[1] job:{jobId}   KEYS[2] content:inflight:{eventDraftId}   KEYS[3] the queue stream
-- KEYS[4] (optional) ai:event:{eventDraftId}: the job's recommendation is read from it in the same step
-- and kept as the job's snapshot, as the AI service wrote it (RecommendationJson reads both alike)
-- ARGV[1] jobId   ARGV[2] ttl in ms   ARGV[3] consumer group   ARGV[4] the job-changes channel
-- ARGV[5] the in-flight statuses, separated by spaces (JobStatus.inFlight(), from Java)
-- ARGV[6..] field, value, ... of the job hash
-- Publishes the jobId on the channel when stored, in the same step (no change without its notice).
-- Returns {1, jobId, snapshot} when stored and enqueued, {0, otherJobId, field, value, ...} of the job in
-- flight, {-1} when KEYS[4] holds nothing, {-2, why} when it holds nothing usable, or {-3} when cjson cannot
-- read it or it is over MAX_SNAPSHOT (then Java's reader judges it, in a step of its own).

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
  local left = title:gsub('[%z\1-\32\127]', '')
  left = left:gsub('\194[\128-\159]', '') -- C1 controls
  left = left:gsub('\225\154\128', '') -- U+1680
  left = left:gsub('\226\128[\128-\134\136-\138\168\169]', '') -- U+2000-2006, U+2008-200A, U+2028-2029
  left = left:gsub('\226\129\159', '') -- U+205F
  left = left:gsub('\227\128\128', '') -- U+3000
  return #left > 0
end

local snapshot = nil
if KEYS[4] then
  local raw = redis.pcall('GET', KEYS[4])
  if type(raw) == 'table' and raw.err then return {-2, 'is not a JSON string'} end
  if not raw then return {-1} end
  -- a record too big to keep whole, or one cjson cannot read: Java reads it and keeps only what it uses
  if #raw > MAX_SNAPSHOT then return {-3} end
  local read, doc = pcall(cjson.decode, raw)
  if not read then return {-3} end
  if not sane(doc, 1) then return {-2, 'is not JSON'} end
  if type(doc) ~= 'table' or not string.find(raw, '^[ \t\r\n]*{') then return {-2, 'is not a JSON object'} end
  if not present(doc['eventInfo']) and not present(doc['selectedRecommendation']) then
    return {-2, 'has neither title'}
  end
  snapshot = raw
end

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
if snapshot then redis.call('HSET', KEYS[1], 'recommendation', snapshot) end
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
return {1, ARGV[1], snapshot}
