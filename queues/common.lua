-- common.lua: helpers prepended to every queue script at load time (not a script itself).
-- Keys, built from a queue name q or a job id:
--   vd:job:<id>           hash    the job record (tipo, cola, payload, estado, intentos,
--                                 inicio = when its last run was admitted, ...)
--   vd:q:<q>:s            stream  ready job ids (field "i", and "k" = the ordering key of an
--                                 ordered job); consumer group "workers";
--                                 acked entries are trimmed in bulk by promote.lua
--   vd:q:<q>:delayed      zset    job id -> due time in ms (retries, rate limit)
--   vd:q:<q>:dead         list    dead-lettered job ids, newest first (capped)
--   vd:q:<q>:stats        hash    processed, failed, retried, dead
--   vd:q:<q>:m:<minute>   string  jobs processed in that minute (rates), short TTL
--   vd:o:<key>            list    job ids of one ordering key (a chat id), in every queue:
--                                 only the head is ever ready, in its own queue's stream
--   vd:idem:<q>:<key>     string  idempotency key -> job id, for the queue's window
--   channel vd:done       pub/sub id of a finished job that has a waiter (field "w")
local function jkey(id) return 'vd:job:' .. id end
local function qkey(q, suffix) return 'vd:q:' .. q .. ':' .. suffix end
local function okey_list(okey) return 'vd:o:' .. okey end
local stream_keys = {}
local function skey(q)
  local k = stream_keys[q]
  if not k then k = 'vd:q:' .. q .. ':s'; stream_keys[q] = k end
  return k
end

-- Adds a stream entry for a job; an ordered job's entry carries its key, so the key can
-- be released even if the job's record is gone.
local function ready(q, id, okey)
  if okey ~= nil and okey ~= false and okey ~= '' then
    redis.call('XADD', skey(q), '*', 'i', id, 'k', okey)
  else
    redis.call('XADD', skey(q), '*', 'i', id)
  end
end

-- Makes a job ready: straight into the stream, or behind the jobs of its ordering key.
-- `after` (a job id, the key's current head) puts it right behind that job instead of at
-- the end: a follow-up keeps its parent's turn.
local function push_ready(q, id, okey, after)
  if okey ~= nil and okey ~= false and okey ~= '' then
    if after then
      redis.call('LINSERT', okey_list(okey), 'AFTER', after, id)
      return
    end
    local n = redis.call('RPUSH', okey_list(okey), id)
    if n == 1 then ready(q, id, okey) end
  else
    ready(q, id, '')
  end
end

-- A job of an ordered key is done for good: hand the key to the next job, which may
-- belong to another queue (a chat's photo, then its reply, then its delivery).
local function advance_key(q, id, okey)
  if okey == nil or okey == false or okey == '' then return end
  local lk = okey_list(okey)
  if redis.call('LINDEX', lk, 0) == id then
    redis.call('LPOP', lk)
    local nxt = redis.call('LINDEX', lk, 0)
    if nxt then ready(redis.call('HGET', jkey(nxt), 'cola') or q, nxt, okey) end
  else
    redis.call('LREM', lk, 1, id)
  end
end

-- `owner` (optional): subject of the token that asked for the job (field "dueno").
local function enqueue_job(now, q, id, kind, payload, okey, root, idem, idem_ttl, after, owner)
  if idem ~= '' then
    local ik = 'vd:idem:' .. q .. ':' .. idem
    local existing = redis.call('GET', ik)
    if existing then return existing, 0 end
    redis.call('SET', ik, id, 'EX', idem_ttl)
  end
  local fields = {'tipo', kind, 'cola', q, 'payload', payload, 'estado', 'encolado', 'creado', now}
  if okey ~= '' then fields[#fields + 1] = 'clave'; fields[#fields + 1] = okey end
  if idem ~= '' then fields[#fields + 1] = 'idem'; fields[#fields + 1] = idem end
  if owner and owner ~= '' then fields[#fields + 1] = 'dueno'; fields[#fields + 1] = owner end
  if root ~= id then
    fields[#fields + 1] = 'raiz'; fields[#fields + 1] = root
    redis.call('HINCRBY', jkey(root), 'pend', 1)
  end
  redis.call('HSET', jkey(id), unpack(fields))
  push_ready(q, id, okey, after)
  return id, 1
end

-- `awaited` is the job's "w" field when the caller already read it, nil to look it up.
local function notify(id, awaited)
  if awaited == nil then awaited = redis.call('HEXISTS', jkey(id), 'w') == 1 end
  if awaited then redis.call('PUBLISH', 'vd:done', id) end
end

-- A chain's root is finished when it and every follow-up are.
local function child_done(now, root, state, err, root_result, ttl)
  local rk = jkey(root)
  if root_result ~= '' then redis.call('HSET', rk, 'resultado', root_result) end
  if state ~= 'completado' then redis.call('HSETNX', rk, 'fallo', err) end
  if redis.call('HINCRBY', rk, 'pend', -1) > 0 then return end
  local h = redis.call('HMGET', rk, 'hecho', 'fallo')
  if not h[1] then return end
  if h[2] then
    redis.call('HSET', rk, 'estado', 'fallido', 'error', h[2], 'actualizado', now)
  else
    redis.call('HSET', rk, 'estado', h[1], 'actualizado', now)
  end
  redis.call('EXPIRE', rk, ttl)
  notify(root)
end

-- Records a final state (completado, fallido, muerto) and settles the chain. `pend` and
-- `awaited` are the job's "pend" and "w" fields when the caller already read them.
local function job_final(now, id, root, state, result, err, root_result, ttl, pend, awaited)
  local jk = jkey(id)
  if pend == nil then pend = redis.call('HGET', jk, 'pend') end
  if awaited ~= nil then awaited = awaited ~= false end
  if root == id then
    if tonumber(pend or '0') > 0 then
      redis.call('HSET', jk, 'hecho', state, 'resultado', result, 'error', err, 'actualizado', now, 'lease', '')
      return
    end
    redis.call('HSET', jk, 'estado', state, 'resultado', result, 'error', err, 'actualizado', now, 'lease', '')
    redis.call('EXPIRE', jk, ttl)
    notify(id, awaited)
  else
    redis.call('HSET', jk, 'estado', state, 'resultado', result, 'error', err, 'actualizado', now, 'lease', '')
    redis.call('EXPIRE', jk, ttl)
    notify(id, awaited)
    child_done(now, root, state, err, root_result, ttl)
  end
end

-- `reply` (optional): the result the job and its root show (what the customer was told).
local function mark_dead(now, q, id, okey, root, err, ttl, reply)
  redis.call('LPUSH', qkey(q, 'dead'), id)
  redis.call('LTRIM', qkey(q, 'dead'), 0, 9999)
  redis.call('HINCRBY', qkey(q, 'stats'), 'dead', 1)
  advance_key(q, id, okey)
  job_final(now, id, root, 'muerto', reply or '', err, reply or '', ttl)
end

-- A stream entry that names no usable job: keep what it held, with the reason.
local function dead_entry(now, q, eid, raw, err, ttl)
  local id = 'malformado-' .. q .. '-' .. eid
  redis.call('HSET', jkey(id), 'tipo', 'desconocido', 'cola', q, 'payload', raw, 'estado', 'muerto',
    'error', err, 'creado', now, 'actualizado', now, 'intentos', 0)
  redis.call('EXPIRE', jkey(id), ttl)
  redis.call('LPUSH', qkey(q, 'dead'), id)
  redis.call('LTRIM', qkey(q, 'dead'), 0, 9999)
  redis.call('HINCRBY', qkey(q, 'stats'), 'dead', 1)
end
