-- Claims up to ARGV[3] deliveries due at ARGV[1], earliest first, in one atomic step: each gets a claim
-- token and is not due again before the lease ends, so no other instance takes it meanwhile.
-- KEYS[1] content:webhooks (sorted set)
-- ARGV[1] now (epoch ms)   ARGV[2] lease end (epoch ms)   ARGV[3] max   ARGV[4] token prefix
-- Returns {jobId, {field, value, ...}, token, ...}; members whose hash expired are dropped.
local due = redis.call('ZRANGE', KEYS[1], '-inf', ARGV[1], 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[3]))
local reply = {}
for i, jobId in ipairs(due) do
  local key = 'content:webhook:' .. jobId
  if redis.call('EXISTS', key) == 0 then
    redis.call('ZREM', KEYS[1], jobId)
  else
    local token = ARGV[4] .. ':' .. i
    redis.call('HSET', key, 'claim', token)
    redis.call('ZADD', KEYS[1], tonumber(ARGV[2]), jobId)
    reply[#reply + 1] = jobId
    reply[#reply + 1] = redis.call('HGETALL', key)
    reply[#reply + 1] = token
  end
end
return reply
