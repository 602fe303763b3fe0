-- Withdraws a job that submit.lua stored but Java cannot read (its recommendation passed the script's check
-- and not RecommendationJson's): deletes the job and, when it still names this job, its draft's in-flight
-- mark. Its queue entry is acknowledged and deleted by the claim that meets it (the job is gone).
-- KEYS[1] job:{jobId}   KEYS[2] content:inflight:{eventDraftId}
-- ARGV[1] jobId
-- Returns 1 when the job was there.
if redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('DEL', KEYS[2])
end
return redis.call('DEL', KEYS[1])
