-- provider_limit.lua: permits for calls to an outside provider (a language model, an
-- embeddings server…), shared by every worker process: at most `limit` calls in flight, at
-- most `per_s` started in any one second (0 = no rate limit), none while the provider asked
-- everyone to wait (a 429's Retry-After). A permit is a token in the holders' sorted set
-- scored with its expiry, so a process that dies holding permits loses them after lease_ms.
-- Not an engine script: called by ProviderLimiter (JobEngine) around outside calls.
-- KEYS[1] = vd:p:<name>:en_curso (zset token -> expiry ms), KEYS[2] = vd:p:<name>:pausa
-- (until ms), KEYS[3] = vd:p:<name>:ritmo (prefix of the per-second counters), KEYS[4] =
-- vd:p:proveedores (name -> "limit,per_s", what GET /admin/colas shows)
-- ARGV: op ('acquire' | 'release' | 'pause'), limit, per_s, lease_ms (acquire) or pause
--       ms (pause), name, then the tokens (acquire, release; oldest caller first).
-- Returns for acquire {granted, wait_ms}: the first `granted` tokens hold a permit; the rest
-- should ask again after about wait_ms. Others return {0, 0}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local op, limit, per_s, ms = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local first, last = 6, #ARGV
if op == 'release' then
  if last >= first then redis.call('ZREM', KEYS[1], unpack(ARGV, first, last)) end
  return {0, 0}
end
if op == 'pause' then
  local untl = now + ms
  local current = tonumber(redis.call('GET', KEYS[2]) or '0')
  if untl > current then redis.call('SET', KEYS[2], untl, 'PX', ms) end
  return {0, 0}
end
redis.call('HSET', KEYS[4], ARGV[5], limit .. ',' .. per_s)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return {0, paused - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local want = last - first + 1
local n = math.min(want, limit - redis.call('ZCARD', KEYS[1]))
local wait = 10
if per_s > 0 and n > 0 then
  local sec = math.floor(now / 1000)
  local rk = KEYS[3] .. ':' .. sec
  local used = tonumber(redis.call('GET', rk) or '0')
  if per_s - used < n then
    n = per_s - used
    wait = 1000 - now % 1000
  end
  if n > 0 then
    redis.call('INCRBY', rk, n)
    redis.call('PEXPIRE', rk, 2000)
  end
end
if n <= 0 then return {0, wait} end
local entries = {}
for i = 0, n - 1 do
  entries[#entries + 1] = now + ms
  entries[#entries + 1] = ARGV[first + i]
end
redis.call('ZADD', KEYS[1], unpack(entries))
redis.call('PEXPIRE', KEYS[1], ms + 60000)
return {n, wait}
