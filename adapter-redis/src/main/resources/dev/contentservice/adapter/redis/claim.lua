-- Claims up to N jobs in one step and starts them: counts each job's attempt on its hash and moves a
-- PENDING job to PROCESSING (publishing the change), so that the PROCESSING mark travels with the claim.
-- Without entry ids it takes entries itself without blocking: first those whose lease expired (idle
-- longer than the lease), then new ones. With entry ids (ARGV[7..], pairs of entry id and jobId, just
-- read by a blocking XREADGROUP of this consumer) it accepts those. Entries whose job is gone or already
-- finished are acknowledged and deleted on the way.
-- KEYS[1] the queue stream
-- ARGV[1] group   ARGV[2] consumer   ARGV[3] lease in ms   ARGV[4] N   ARGV[5] now (ISO-8601, updatedAt)
-- ARGV[6] the job-changes channel
-- ARGV[7] the statuses a job may have to become PROCESSING, separated by spaces (JobStatus.allowedFrom)
-- ARGV[8..] entry id, jobId, ... (optional)
-- Returns a list of {entryId, jobId, attempt, field, value, ...} (the job hash as the claim left it).
local claimed = {}
local max = tonumber(ARGV[4])

local function accept(id, jobId)
  if jobId then
    local key = 'job:' .. jobId
    local hash = redis.call('HGETALL', key)
    local status, attempts = nil, 0
    for i = 1, #hash, 2 do
      if hash[i] == 'status' then status = hash[i + 1]
      elseif hash[i] == 'attempts' then attempts = tonumber(hash[i + 1]) or 0 end
    end
    if status and string.find(' ' .. ARGV[7] .. ' ', ' ' .. status .. ' ', 1, true) then
      local attempt = attempts + 1
      if status ~= 'PROCESSING' then
        redis.call('HSET', key, 'attempts', attempt, 'status', 'PROCESSING', 'updatedAt', ARGV[5])
        redis.call('PUBLISH', ARGV[6], jobId)
      else
        redis.call('HSET', key, 'attempts', attempt)
      end
      local reply = {id, jobId, attempt}
      for i = 1, #hash, 2 do
        local value = hash[i + 1]
        if hash[i] == 'status' then value = 'PROCESSING'
        elseif hash[i] == 'attempts' then value = tostring(attempt)
        elseif hash[i] == 'updatedAt' and status ~= 'PROCESSING' then value = ARGV[5] end
        reply[#reply + 1] = hash[i]
        reply[#reply + 1] = value
      end
      claimed[#claimed + 1] = reply
      return
    end
  end
  redis.call('XACK', KEYS[1], ARGV[1], id)
  redis.call('XDEL', KEYS[1], id)
end

local function jobIdOf(fields)
  if fields then
    for i = 1, #fields, 2 do
      if fields[i] == 'jobId' then return fields[i + 1] end
    end
  end
  return nil
end

if #ARGV > 7 then
  for i = 8, #ARGV, 2 do
    accept(ARGV[i], ARGV[i + 1])
  end
  return claimed
end

for _ = 1, 4 do
  local want = max - #claimed
  if want <= 0 then break end
  local reclaimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], '0-0', 'COUNT', want)
  local entries = reclaimed[2]
  if #entries == 0 then break end
  for _, entry in ipairs(entries) do
    accept(entry[1], jobIdOf(entry[2]))
  end
  if #entries < want then break end
end
for _ = 1, 4 do
  local want = max - #claimed
  if want <= 0 then break end
  local read = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', want, 'STREAMS', KEYS[1], '>')
  if not read then break end
  local entries = read[1][2]
  for _, entry in ipairs(entries) do
    accept(entry[1], jobIdOf(entry[2]))
  end
  if #entries < want then break end
end
return claimed
