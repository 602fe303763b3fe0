-- Points the draft's image set at an edit's new images of one style, keeping the set's TTL (HSET never
-- changes it), its choice and its other styles; only when the set is still the one the edited job made.
-- KEYS[1] content:image:{eventDraftId}
-- ARGV[1] the jobId that made the set   ARGV[2] editedAt (ISO-8601)   ARGV[3..] field, url pairs
-- A field is written only when the set already has it (a format the set was not made in stays absent).
-- Returns the whole hash (HGETALL), or false when there is no set or another job made it.
if redis.call('HGET', KEYS[1], 'jobId') ~= ARGV[1] then
  return false
end
for i = 3, #ARGV, 2 do
  if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 1 then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
redis.call('HSET', KEYS[1], 'editedAt', ARGV[2])
return redis.call('HGETALL', KEYS[1])
