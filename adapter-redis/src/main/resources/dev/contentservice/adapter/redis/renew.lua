-- Resets the idle time of every entry this consumer still owns among the given ones, in one step (never
-- takes an entry back from a worker that reclaimed it meanwhile).
-- KEYS[1] the queue stream   ARGV[1] group   ARGV[2] consumer   ARGV[3..] entry ids
-- Returns the entry ids that were not renewed because this consumer no longer owns them.
if redis.call('EXISTS', KEYS[1]) == 0 then
  local lost = {}
  for i = 3, #ARGV do lost[#lost + 1] = ARGV[i] end
  return lost
end
-- every entry pending for this consumer, in one read (a consumer holds at most its in-flight jobs)
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', (#ARGV - 2) + 1000, ARGV[2])
local owned = {}
for _, entry in ipairs(pending) do owned[entry[1]] = true end
local renew, lost = {}, {}
for i = 3, #ARGV do
  if owned[ARGV[i]] then renew[#renew + 1] = ARGV[i] else lost[#lost + 1] = ARGV[i] end
end
for from = 1, #renew, 1000 do
  redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, unpack(renew, from, math.min(#renew, from + 999)))
end
return lost
