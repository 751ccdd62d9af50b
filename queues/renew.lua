-- renew.lua: pushes the lease deadlines of a worker's running entries forward, to Redis'
-- clock + visibility_ms (ZADD XX: an entry already finished or taken away is not re-added).
-- KEYS: none. ARGV: queue, visibility_ms, then the entries.
-- Returns the number of entries given.
local rk_run = qkey(ARGV[1], 'run')
local deadline = redis_ms() + tonumber(ARGV[2])
local batch = {}
for i = 3, #ARGV do
  batch[#batch + 1] = deadline
  batch[#batch + 1] = ARGV[i]
  if #batch >= 4000 then
    redis.call('ZADD', rk_run, 'XX', unpack(batch))
    batch = {}
  end
end
if #batch > 0 then redis.call('ZADD', rk_run, 'XX', unpack(batch)) end
return #ARGV - 2
