-- Records finished styles on PROCESSING jobs, for any number of jobs in one step: each style joins the
-- job's stylesDone and keeps its URL (stored:{style}) and generator (generator:{style}) for a later
-- claim; updatedAt is set and the change published. A job that is gone or no longer PROCESSING is left
-- alone.
-- KEYS[i] job:{jobId} of the i-th job
-- ARGV[1] the job-changes channel, then for each job in KEYS order: jobId, updatedAt, n, and n times
-- style, url, generator
-- Returns how many jobs were written.
local written = 0
local a = 2
for k = 1, #KEYS do
  local jobId, updatedAt, n = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2])
  local first = a + 3
  a = first + 3 * n
  local current = redis.call('HMGET', KEYS[k], 'status', 'stylesDone')
  if current[1] == 'PROCESSING' then
    local done = current[2] or ''
    local fields = {'updatedAt', updatedAt}
    for i = first, first + 3 * n - 1, 3 do
      local style = ARGV[i]
      if not string.find(',' .. done .. ',', ',' .. style .. ',', 1, true) then
        done = (done == '') and style or (done .. ',' .. style)
      end
      fields[#fields + 1] = 'stored:' .. style
      fields[#fields + 1] = ARGV[i + 1]
      fields[#fields + 1] = 'generator:' .. style
      fields[#fields + 1] = ARGV[i + 2]
    end
    fields[#fields + 1] = 'stylesDone'
    fields[#fields + 1] = done
    redis.call('HSET', KEYS[k], unpack(fields))
    redis.call('PUBLISH', ARGV[1], jobId)
    written = written + 1
  end
end
return written
