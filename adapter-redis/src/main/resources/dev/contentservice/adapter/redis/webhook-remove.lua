-- Forgets a claimed delivery if the claim is still current (ARGV[2] empty: whatever its state).
-- KEYS[1] content:webhook:{jobId}   KEYS[2] content:webhooks   ARGV[1] jobId   ARGV[2] token or ''
if ARGV[2] ~= '' and redis.call('HGET', KEYS[1], 'claim') ~= ARGV[2] then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
