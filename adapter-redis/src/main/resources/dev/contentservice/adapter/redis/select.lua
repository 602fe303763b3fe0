-- Records the owner's choice on the draft's image set, keeping the set's TTL (HSET never changes it);
-- creates nothing when no set is stored.
-- KEYS[1] content:image:{eventDraftId}   ARGV[1] the style key (simple, fancy or trendy)
-- Returns the whole hash (HGETALL), or false when there is no set.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
redis.call('HSET', KEYS[1], 'selected', ARGV[1])
return redis.call('HGETALL', KEYS[1])
