-- telegram_limit.lua: reserves the next send slot for one Telegram chat under two limits
-- held across every worker process: the chat's own spacing (about 1 message per second, 20
-- per minute to a group) and the bot's overall spacing (about 30 per second). Each key holds
-- the earliest time (µs, Redis clock) at which its next message may go out; a reservation
-- takes the later of now and both times, then pushes both forward by their intervals.
-- Not an engine script: called by the Telegram delivery worker (TelegramRateLimiter).
-- KEYS[1] = vd:tg:rl:c:<chat id>, KEYS[2] = vd:tg:rl:g
-- ARGV: chat_interval_us, global_interval_us, max_wait_us
-- Returns {1, wait_us}: the slot is reserved, send after wait_us; or {0, wait_us}: the next
-- slot is further away than max_wait_us, nothing was reserved (ask again after wait_us).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local chat_interval, global_interval, max_wait = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local chat_next = tonumber(redis.call('GET', KEYS[1]) or '0')
local global_next = tonumber(redis.call('GET', KEYS[2]) or '0')
local slot = math.max(now, chat_next, global_next)
local wait = slot - now
if wait > max_wait then return {0, wait} end
local function push(key, interval)
  local next_time = slot + interval
  local ttl_ms = math.floor((next_time - now) / 1000) + 1000
  redis.call('SET', key, string.format('%.0f', next_time), 'PX', ttl_ms)
end
push(KEYS[1], chat_interval)
push(KEYS[2], global_interval)
return {1, wait}
