-- start.lua: turns delivered stream entries into running jobs.
-- For each entry: malformed or unknown -> dead-lettered with the reason and acked; final
-- already -> acked and skipped; over the rate limit -> back to the delayed set (no attempt
-- used); over max attempts (its holder died each time) -> dead; else attempt+1, estado
-- procesando and a fresh lease that fences out any earlier holder.
-- The entries are either read here (XREADGROUP without blocking: one round trip per batch
-- under load) or passed in (after a blocking read or a take-over).
-- KEYS: none. ARGV: now_ms, queue, consumer, max_attempts, rate_limit_per_s (0 = none),
--       dead_ttl_s, then either 'read', count
--       or n, then n x (entry_id, job_id or '', ordering key from the entry or '',
--       raw description if malformed).
-- Returns: flat array: number of entries handled, then k x (entry_id, job_id, kind,
--          payload, attempt, root, okey, created, idem, lease).
local now, q, consumer = ARGV[1], ARGV[2], ARGV[3]
local maxa, rl, dttl = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
-- Entries as four parallel lists (entry id, job id, key, raw): no table per entry.
local eids, ids, keys, raws = {}, {}, {}, {}
local n = 0
if ARGV[7] == 'read' then
  local got = redis.call('XREADGROUP', 'GROUP', 'workers', consumer, 'COUNT', tonumber(ARGV[8]), 'STREAMS',
    qkey(q, 's'), '>')
  if got then
    for _, e in ipairs(got[1][2]) do
      local fields = e[2]
      local id, key = '', ''
      if fields[1] == 'i' and #fields <= 4 then
        -- What enqueue writes: i <id> [k <key>].
        id = fields[2]
        if fields[3] == 'k' then key = fields[4] end
      else
        for j = 1, #fields, 2 do
          if fields[j] == 'i' then id = fields[j + 1] elseif fields[j] == 'k' then key = fields[j + 1] end
        end
      end
      local raw = ''
      if #id == 0 or #id > 120 or string.find(id, '[^0-9a-z_-]') then
        id = ''
        raw = string.sub(table.concat(fields, ' '), 1, 500)
      end
      n = n + 1
      eids[n], ids[n], keys[n], raws[n] = e[1], id, key, raw
    end
  end
else
  for i = 0, tonumber(ARGV[7]) - 1 do
    n = n + 1
    eids[n], ids[n], keys[n], raws[n] = ARGV[8 + i * 4], ARGV[9 + i * 4], ARGV[10 + i * 4], ARGV[11 + i * 4]
  end
end
local out, acks = {n}, {}
local sec = math.floor(tonumber(now) / 1000)
for i = 1, n do
  local eid, id, ekey, raw = eids[i], ids[i], keys[i], raws[i]
  if id == '' then
    acks[#acks + 1] = eid
    dead_entry(now, q, eid, raw, 'entrada malformada en la cola ' .. q .. ': falta el campo "i" con el id del trabajo', dttl)
  else
    local jk = jkey(id)
    local h = redis.call('HMGET', jk, 'tipo', 'payload', 'intentos', 'estado', 'raiz', 'clave', 'creado', 'idem')
    local state = h[4]
    if not h[1] or not h[2] then
      acks[#acks + 1] = eid
      dead_entry(now, q, eid, 'i=' .. id, 'el trabajo ' .. id .. ' no existe o está incompleto (expiró o fue borrado)', dttl)
      -- Its chat (key) must not stay blocked behind a job that will never run.
      advance_key(q, id, ekey)
    elseif state == 'completado' or state == 'fallido' or state == 'muerto' then
      acks[#acks + 1] = eid
    else
      local limited = false
      if rl > 0 then
        local rk = qkey(q, 'rl:' .. sec)
        local c = redis.call('INCR', rk)
        if c == 1 then redis.call('EXPIRE', rk, 2) end
        if c > rl then
          limited = true
          acks[#acks + 1] = eid
          redis.call('ZADD', qkey(q, 'delayed'), (sec + 1) * 1000 + (i % 50) * 4, id)
        end
      end
      if not limited then
        local att = tonumber(h[3] or '0') + 1
        local root = h[5] or id
        if att > maxa then
          acks[#acks + 1] = eid
          local why = 'superó el máximo de ' .. maxa .. ' intentos'
          local last = redis.call('HGET', jk, 'error')
          if last and last ~= '' then why = why .. '; último error: ' .. last
          else why = why .. ' (el proceso que lo tenía se detuvo sin terminarlo)' end
          mark_dead(now, q, id, h[6], root, why, dttl)
        else
          local lease = consumer .. '/' .. eid .. '/' .. att
          redis.call('HSET', jk, 'estado', 'procesando', 'intentos', att, 'actualizado', now, 'inicio', now, 'lease', lease)
          out[#out + 1] = eid
          out[#out + 1] = id
          out[#out + 1] = h[1]
          out[#out + 1] = h[2]
          out[#out + 1] = att
          out[#out + 1] = root
          out[#out + 1] = h[6] or ''
          out[#out + 1] = h[7] or now
          out[#out + 1] = h[8] or ''
          out[#out + 1] = lease
        end
      end
    end
  end
end
if #acks > 0 then redis.call('XACK', qkey(q, 's'), 'workers', unpack(acks)) end
return out
