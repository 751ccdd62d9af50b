-- finish.lua: records the outcome of many jobs of one queue in one step: the entry leaves
-- the running set, state, follow-up jobs (those on the job's own ordering key keep its
-- turn), retries into the delayed set, dead letters, chain and ordering-key release, stats. A record whose lease no longer matches (another worker took the job over after the
-- visibility timeout) is ignored: only the current holder can finish a job.
-- KEYS: none. ARGV: now_ms, queue, completed_ttl_s, dead_ttl_s, n, then n records:
--   id, entry, lease, outcome, a, b, nf, then nf x (queue, id, kind, payload, okey, traceparent)
--   outcome ok: a = result JSON, b = result for the chain's root ('' = none)
--   outcome retry: a = error, b = delay ms (uses the attempt)
--   outcome later: a = reason, b = delay ms (retry-after: the attempt is given back)
--   outcome fail: a = error (permanent, no retry)   outcome dead: a = error (dead letter)
--   outcome deadr: a = error, b = the reply (result of the job and of its root): a dead
--                  letter that still enqueues its follow-ups (the message to the customer)
-- Returns: array of n integers, 1 applied | 0 stale lease.
local now, q, cttl, dttl, n = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local p = 6
local done, res = {}, {}

-- Enqueues a finished job's nf follow-ups (6 arguments each from ARGV[fp]) in its chain,
-- with the chain's owner. One on the job's own ordering key takes the job's turn: it goes
-- right behind it (before later jobs of the key), in the order returned.
local function follow_ups(now, id, okey, root, fp, nf, owner)
  local after = nil
  if nf > 0 and okey ~= '' and redis.call('LINDEX', okey_list(okey), 0) == id then after = id end
  for f = 0, nf - 1 do
    local o = fp + f * 6
    local fkey = ARGV[o + 4]
    if after and fkey == okey then
      enqueue_job(now, ARGV[o], ARGV[o + 1], ARGV[o + 2], ARGV[o + 3], fkey, root, '', 0, after, owner, ARGV[o + 5])
      after = ARGV[o + 1]
    else
      enqueue_job(now, ARGV[o], ARGV[o + 1], ARGV[o + 2], ARGV[o + 3], fkey, root, '', 0, nil, owner, ARGV[o + 5])
    end
  end
end
local processed, failed, retried = 0, 0, 0
for r = 1, n do
  local id, entry, lease, outcome, a, b = ARGV[p], ARGV[p + 1], ARGV[p + 2], ARGV[p + 3], ARGV[p + 4], ARGV[p + 5]
  local nf = tonumber(ARGV[p + 6])
  local fp = p + 7
  p = fp + nf * 6
  local jk = jkey(id)
  local h = redis.call('HMGET', jk, 'lease', 'clave', 'raiz', 'pend', 'w', 'dueno')
  if h[1] ~= lease then
    res[r] = 0
  else
    res[r] = 1
    done[#done + 1] = entry
    local okey = h[2] or ''
    local root = h[3] or id
    if outcome == 'ok' then
      processed = processed + 1
      follow_ups(now, id, okey, root, fp, nf, h[6])
      advance_key(q, id, okey)
      if nf > 0 then
        job_final(now, id, root, 'completado', a, '', b, cttl)
      else
        job_final(now, id, root, 'completado', a, '', b, cttl, h[4], h[5])
      end
    elseif outcome == 'retry' or outcome == 'later' then
      retried = retried + 1
      redis.call('HSET', jk, 'estado', 'encolado', 'error', a, 'actualizado', now, 'lease', '')
      if outcome == 'later' then redis.call('HINCRBY', jk, 'intentos', -1) end
      redis.call('ZADD', qkey(q, 'delayed'), tonumber(now) + tonumber(b), id)
    elseif outcome == 'fail' then
      failed = failed + 1
      advance_key(q, id, okey)
      job_final(now, id, root, 'fallido', '', a, '', dttl)
    elseif outcome == 'deadr' then
      failed = failed + 1
      follow_ups(now, id, okey, root, fp, nf, h[6])
      mark_dead(now, q, id, okey, root, a, dttl, b)
    else
      failed = failed + 1
      mark_dead(now, q, id, okey, root, a, dttl)
    end
  end
end
if #done > 0 then call_sliced('ZREM', qkey(q, 'run'), done) end
local sk = qkey(q, 'stats')
if processed > 0 then
  redis.call('HINCRBY', sk, 'processed', processed)
  local mk = qkey(q, 'm:' .. math.floor(tonumber(now) / 60000))
  redis.call('INCRBY', mk, processed)
  redis.call('EXPIRE', mk, 180)
end
if failed > 0 then redis.call('HINCRBY', sk, 'failed', failed) end
if retried > 0 then redis.call('HINCRBY', sk, 'retried', retried) end
flush_ready()
return res
