-- common.lua: helpers prepended to every queue script at load time (not a script itself).
-- Keys, built from a queue name q or a job id:
--   vd:job:<id>           hash    the job record (tipo, cola, payload, estado, intentos,
--                                 inicio = when its last run was admitted, lease = the
--                                 current holder's token, ...)
--   vd:q:<q>:ready        list    entries of jobs ready to run, oldest first: the job id, or
--                                 "<id>|<ordering key>" for an ordered job (so its key can be
--                                 released even if the record is gone)
--   vd:q:<q>:run          zset    entries of running jobs -> lease deadline in ms of Redis'
--                                 clock (TIME, never a worker's: hosts' clock skew cannot
--                                 expire a live lease); a worker pushes its deadlines forward
--                                 while it runs them, so only the jobs of a stopped worker
--                                 expire and are taken over
--   vd:q:<q>:wake         list    at most one token; idle workers wait for it (BLPOP)
--   vd:q:<q>:delayed      zset    job id -> due time in ms (retries, rate limit)
--   vd:q:<q>:dead         list    dead-lettered job ids, newest first (capped)
--   vd:q:<q>:stats        hash    processed, failed, retried, dead
--   vd:q:<q>:m:<minute>   string  jobs processed in that minute (rates), short TTL
--   vd:o:<key>            list    job ids of one ordering key (a chat id), in every queue:
--                                 only the head is ever ready, in its own queue's list
--   vd:idem:<q>:<key>     string  idempotency key -> job id, for the queue's window
--   channel vd:done       pub/sub id of a finished job that has a waiter (field "w")
-- Every script that makes jobs ready ends with flush_ready().
local function jkey(id) return 'vd:job:' .. id end
-- Redis' own clock in ms: what lease deadlines are written and compared with.
local function redis_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function qkey(q, suffix) return 'vd:q:' .. q .. ':' .. suffix end
local function okey_list(okey) return 'vd:o:' .. okey end

-- A queue entry: the id, plus the ordering key of an ordered job.
local function entry_of(id, okey)
  if okey ~= nil and okey ~= false and okey ~= '' then return id .. '|' .. okey end
  return id
end

-- Splits an entry into id and ordering key ('' when none).
local function parse_entry(e)
  local bar = string.find(e, '|', 1, true)
  if bar then return string.sub(e, 1, bar - 1), string.sub(e, bar + 1) end
  return e, ''
end

-- Calls `command key` with the values of `list`, in slices (Lua's unpack has a limit).
local function call_sliced(command, key, list)
  local total = #list
  local i = 1
  while i <= total do
    local last = math.min(i + 3999, total)
    redis.call(command, key, unpack(list, i, last))
    i = last + 1
  end
end

-- Entries made ready by this script call, per queue, pushed in one RPUSH by flush_ready.
local ready_buf, ready_order = {}, {}
local function ready(q, id, okey)
  local list = ready_buf[q]
  if not list then
    list = {}
    ready_buf[q] = list
    ready_order[#ready_order + 1] = q
  end
  list[#list + 1] = entry_of(id, okey)
end

-- Leaves the queue's wake token (at most one) for an idle worker to take.
local function wake(q)
  local wk = qkey(q, 'wake')
  if redis.call('EXISTS', wk) == 0 then redis.call('RPUSH', wk, '1') end
end

-- Pushes the buffered entries and wakes an idle worker of each of those queues.
local function flush_ready()
  for _, q in ipairs(ready_order) do
    call_sliced('RPUSH', qkey(q, 'ready'), ready_buf[q])
    wake(q)
  end
  ready_buf, ready_order = {}, {}
end

-- Makes a job ready: straight into its queue, or behind the jobs of its ordering key.
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
-- `tp` (optional): the W3C traceparent of the span that enqueued it (field "tp"); a job
-- without one (tracing off, or enqueued before the field existed) runs all the same.
local function enqueue_job(now, q, id, kind, payload, okey, root, idem, idem_ttl, after, owner, tp)
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
  if tp and tp ~= '' then fields[#fields + 1] = 'tp'; fields[#fields + 1] = tp end
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
  -- A completed job's payload is never read again (only dead ones are redriven): what stays
  -- for the retention window is its state and result.
  if state == 'completado' then redis.call('HDEL', jk, 'payload') end
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

-- A queue entry that names no usable job: keep what it held, with the reason.
local function dead_entry(now, q, raw, err, ttl)
  local id = 'malformado-' .. q .. '-' .. now .. '-' .. redis.call('HINCRBY', qkey(q, 'stats'), 'malformados', 1)
  redis.call('HSET', jkey(id), 'tipo', 'desconocido', 'cola', q, 'payload', raw, 'estado', 'muerto',
    'error', err, 'creado', now, 'actualizado', now, 'intentos', 0)
  redis.call('EXPIRE', jkey(id), ttl)
  redis.call('LPUSH', qkey(q, 'dead'), id)
  redis.call('LTRIM', qkey(q, 'dead'), 0, 9999)
  redis.call('HINCRBY', qkey(q, 'stats'), 'dead', 1)
end
