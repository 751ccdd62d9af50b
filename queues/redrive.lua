-- redrive.lua: puts dead-lettered jobs back to work with fresh attempts (oldest first).
-- KEYS: none. ARGV: now_ms, queue, max_count, job_id ('' = any). Returns: re-driven ids.
local now, q, maxc, only = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local dk = qkey(q, 'dead')
local ids
if only ~= '' then
  if redis.call('LREM', dk, 1, only) == 0 then return {} end
  ids = {only}
else
  ids = {}
  for _ = 1, maxc do
    local id = redis.call('RPOP', dk)
    if not id then break end
    ids[#ids + 1] = id
  end
end
local out = {}
for _, id in ipairs(ids) do
  local jk = jkey(id)
  if redis.call('EXISTS', jk) == 1 then
    redis.call('PERSIST', jk)
    redis.call('HSET', jk, 'estado', 'encolado', 'intentos', 0, 'actualizado', now, 'lease', '')
    push_ready(q, id, redis.call('HGET', jk, 'clave') or '')
    out[#out + 1] = id
  end
end
flush_ready()
return out
