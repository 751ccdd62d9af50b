-- promote.lua: moves due jobs from the delayed set back into the stream, atomically, so a
-- job is never in both or in neither (an ordered job is still the head of its key list),
-- and trims acknowledged entries: everything older than both the oldest unacknowledged
-- entry and the group's last delivered entry.
-- KEYS: none. ARGV: now_ms, queue, limit. Returns: number promoted.
local now, q, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local dk = qkey(q, 'delayed')
local s = qkey(q, 's')
local ids = redis.call('ZRANGEBYSCORE', dk, '-inf', now, 'LIMIT', 0, limit)
for _, id in ipairs(ids) do
  redis.call('ZREM', dk, id)
  ready(q, id, redis.call('HGET', jkey(id), 'clave') or '')
end
local groups = redis.call('XINFO', 'GROUPS', s)
for _, g in ipairs(groups) do
  local info = {}
  for i = 1, #g, 2 do info[g[i]] = g[i + 1] end
  if info['name'] == 'workers' then
    local floor = info['last-delivered-id']
    local pending = redis.call('XPENDING', s, 'workers')
    if pending[1] > 0 then floor = pending[2] end
    if floor and floor ~= '0-0' then redis.call('XTRIM', s, 'MINID', floor) end
  end
end
return #ids
