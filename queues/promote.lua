-- promote.lua: moves due jobs from the delayed set back into the stream, atomically, so a
-- job is never in both or in neither. An ordered job is still the head of its key list.
-- KEYS: none. ARGV: now_ms, queue, limit. Returns: number promoted.
local now, q, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local dk = qkey(q, 'delayed')
local ids = redis.call('ZRANGEBYSCORE', dk, '-inf', now, 'LIMIT', 0, limit)
for _, id in ipairs(ids) do
  redis.call('ZREM', dk, id)
  redis.call('XADD', qkey(q, 's'), '*', 'i', id)
end
return #ids
