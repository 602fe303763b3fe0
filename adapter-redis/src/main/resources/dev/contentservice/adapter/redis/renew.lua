-- Resets the idle time of a claimed entry, only while this consumer still owns it (never takes an
-- entry back from a worker that reclaimed it meanwhile).
-- KEYS[1] the queue stream   ARGV[1] group   ARGV[2] consumer   ARGV[3] entry id
-- Returns 1 when renewed, 0 when the entry is no longer ours.
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
if #pending == 0 or pending[1][2] ~= ARGV[2] then return 0 end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
return 1
