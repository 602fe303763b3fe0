-- Removes this instance's consumer from the group at close, when it holds no pending entries (a consumer
-- with entries keeps them, so that they are reclaimed after their lease instead of being lost).
-- KEYS[1] the queue stream   ARGV[1] group   ARGV[2] consumer
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local ok, pending = pcall(redis.call, 'XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2])
if not ok or #pending > 0 then return 0 end
redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
return 1
