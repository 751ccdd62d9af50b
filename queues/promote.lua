-- promote.lua: moves due jobs from the delayed set back into their queue, atomically, so a
-- job is never in both or in neither (an ordered job is still the head of its key list).
-- KEYS: none. ARGV: now_ms, queue, limit. Returns: number promoted.
local now, q, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local dk = qkey(q, 'delayed')
local ids = redis.call('ZRANGEBYSCORE', dk, '-inf', now, 'LIMIT', 0, limit)
if #ids > 0 then call_sliced('ZREM', dk, ids) end
for _, id in ipairs(ids) do
  ready(q, id, redis.call('HGET', jkey(id), 'clave') or '')
end
flush_ready()
return #ids
