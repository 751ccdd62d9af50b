-- enqueue.lua: adds jobs to one queue atomically (idempotency check, record, ready/ordered).
-- KEYS: none (built from ARGV; single-node Redis).
-- ARGV: now_ms, queue, idempotency_ttl_s, n, then n x (id, kind, payload, ordering_key,
--       root_id, idempotency_key, owner, traceparent); empty strings for "none".
-- Returns: flat array of n x (job id, 1 if new | 0 if an earlier job with the key exists).
local now, q, idem_ttl, n = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local out = {}
for i = 0, n - 1 do
  local b = 5 + i * 8
  local id, created = enqueue_job(now, q, ARGV[b], ARGV[b + 1], ARGV[b + 2], ARGV[b + 3], ARGV[b + 4],
    ARGV[b + 5], idem_ttl, nil, ARGV[b + 6], ARGV[b + 7])
  out[#out + 1] = id
  out[#out + 1] = created
end
flush_ready()
return out
