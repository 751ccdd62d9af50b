-- release.lua: gives back entries a stopping worker received but never started, so other
-- workers take them at once instead of after the visibility timeout.
-- KEYS: none. ARGV: queue, n, then n x (entry_id, job_id, ordering_key or '').
-- Returns: number released.
local q, n = ARGV[1], tonumber(ARGV[2])
local s = qkey(q, 's')
local released = 0
for i = 0, n - 1 do
  local eid, id, okey = ARGV[3 + i * 3], ARGV[4 + i * 3], ARGV[5 + i * 3]
  if redis.call('XACK', s, 'workers', eid) == 1 then
    ready(q, id, okey)
    released = released + 1
  end
end
return released
