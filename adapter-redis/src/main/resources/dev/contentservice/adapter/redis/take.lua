-- Claims one job without blocking: first an entry whose lease expired (idle longer than the lease),
-- else a new one. Counts the attempt on the job hash. Entries whose job is gone are acknowledged and
-- deleted on the way.
-- KEYS[1] the queue stream   ARGV[1] group   ARGV[2] consumer   ARGV[3] lease in ms
-- Returns {entryId, jobId, attempt}, or nil when nothing is claimable now.
local function accept(id, fields)
  local jobId = nil
  if fields then
    for i = 1, #fields, 2 do
      if fields[i] == 'jobId' then jobId = fields[i + 1] end
    end
  end
  if jobId and redis.call('EXISTS', 'job:' .. jobId) == 1 then
    return {id, jobId, redis.call('HINCRBY', 'job:' .. jobId, 'attempts', 1)}
  end
  redis.call('XACK', KEYS[1], ARGV[1], id)
  redis.call('XDEL', KEYS[1], id)
  return nil
end
for _ = 1, 16 do
  local reclaimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], '0-0', 'COUNT', 1)
  local entries = reclaimed[2]
  if #entries == 0 then break end
  local claim = accept(entries[1][1], entries[1][2])
  if claim then return claim end
end
for _ = 1, 16 do
  local read = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', 1, 'STREAMS', KEYS[1], '>')
  if not read then return nil end
  local entry = read[1][2][1]
  local claim = accept(entry[1], entry[2])
  if claim then return claim end
end
return nil
