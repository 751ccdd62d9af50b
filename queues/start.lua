-- start.lua: takes entries off a queue and turns them into running jobs.
-- Mode 'read' takes the oldest ready entries; mode 'reclaim' takes running entries whose
-- lease deadline passed (their worker stopped without finishing them).
-- For each entry: malformed or unknown -> dead-lettered with the reason; final already ->
-- dropped; over the rate limit -> to the delayed set (no attempt used); over max attempts
-- (its holder died each time) -> dead; else attempt+1, estado procesando, a fresh lease
-- that fences out any earlier holder, and the entry in the running set until its deadline
-- (Redis' clock + visibility_ms; expired leases are found with the same clock).
-- KEYS: none. ARGV: now_ms, queue, consumer, max_attempts, rate_limit_per_s (0 = none),
--       dead_ttl_s, visibility_ms, mode ('read' | 'reclaim'), count.
-- Returns: flat array: number of entries taken, then k x (entry, job_id, kind, payload,
--          attempt, root, okey, created, idem, lease, owner, traceparent).
local now, q, consumer = ARGV[1], ARGV[2], ARGV[3]
local maxa, rl, dttl, vis = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local mode, count = ARGV[8], tonumber(ARGV[9])
local rk_ready, rk_run = qkey(q, 'ready'), qkey(q, 'run')
local lease_now = redis_ms()
local got
if mode == 'reclaim' then
  got = redis.call('ZRANGEBYSCORE', rk_run, '-inf', lease_now, 'LIMIT', 0, count)
  if #got > 0 then call_sliced('ZREM', rk_run, got) end
else
  got = redis.call('LPOP', rk_ready, count) or {}
end
local out, running = {#got}, {}
local sec = math.floor(tonumber(now) / 1000)
local deadline = lease_now + vis
for i, e in ipairs(got) do
  local id, ekey = parse_entry(e)
  if #id == 0 or #id > 120 or string.find(id, '[^0-9a-z_-]') then
    dead_entry(now, q, string.sub(e, 1, 500),
      'entrada malformada en la cola ' .. q .. ': no es el id de un trabajo', dttl)
  else
    local jk = jkey(id)
    local h = redis.call('HMGET', jk, 'tipo', 'payload', 'intentos', 'estado', 'raiz', 'clave', 'creado', 'idem', 'dueno', 'tp')
    local state = h[4]
    if not h[1] or not h[2] then
      dead_entry(now, q, e, 'el trabajo ' .. id .. ' no existe o está incompleto (expiró o fue borrado)', dttl)
      -- Its chat (key) must not stay blocked behind a job that will never run.
      advance_key(q, id, ekey)
    elseif state == 'completado' or state == 'fallido' or state == 'muerto' then
      -- Nothing to do: an entry left over from a finished job.
    else
      local limited = false
      if rl > 0 then
        local rlk = qkey(q, 'rl:' .. sec)
        local c = redis.call('INCR', rlk)
        if c == 1 then redis.call('EXPIRE', rlk, 2) end
        if c > rl then
          limited = true
          redis.call('ZADD', qkey(q, 'delayed'), (sec + 1) * 1000 + (i % 50) * 4, id)
        end
      end
      if not limited then
        local att = tonumber(h[3] or '0') + 1
        local root = h[5] or id
        if att > maxa then
          local why = 'superó el máximo de ' .. maxa .. ' intentos'
          local last = redis.call('HGET', jk, 'error')
          if last and last ~= '' then why = why .. '; último error: ' .. last
          else why = why .. ' (el proceso que lo tenía se detuvo sin terminarlo)' end
          mark_dead(now, q, id, h[6], root, why, dttl)
        else
          local lease = consumer .. '/' .. now .. '/' .. att
          redis.call('HSET', jk, 'estado', 'procesando', 'intentos', att, 'actualizado', now, 'inicio', now, 'lease', lease)
          running[#running + 1] = deadline
          running[#running + 1] = e
          out[#out + 1] = e
          out[#out + 1] = id
          out[#out + 1] = h[1]
          out[#out + 1] = h[2]
          out[#out + 1] = att
          out[#out + 1] = root
          out[#out + 1] = h[6] or ''
          out[#out + 1] = h[7] or now
          out[#out + 1] = h[8] or ''
          out[#out + 1] = lease
          out[#out + 1] = h[9] or ''
          out[#out + 1] = h[10] or ''
        end
      end
    end
  end
end
if #running > 0 then call_sliced('ZADD', rk_run, running) end
-- More left than this worker took: pass the wake token on to another idle worker.
if mode == 'read' and #got == count then wake(q) end
flush_ready()
return out
