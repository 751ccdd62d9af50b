-- watch.lua: marks a job as awaited (its completion is then published on vd:done) and
-- reads its record in the same step, so a completion can't slip between the two.
-- KEYS: none. ARGV: job_id. Returns: the HGETALL of the job, or an empty array.
local jk = jkey(ARGV[1])
if redis.call('EXISTS', jk) == 0 then return {} end
redis.call('HSET', jk, 'w', 1)
return redis.call('HGETALL', jk)
