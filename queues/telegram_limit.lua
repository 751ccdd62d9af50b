-- telegram_limit.lua: reserves the next send slot for one Telegram chat under two limits
-- held across every worker process: the chat's own spacing (about 1 message per second, 20
-- per minute to a group) and the bot's overall spacing (about 30 per second). Each key holds
-- the earliest time (µs, Redis clock) at which its next message may go out.
-- A chat that must still wait is told how long and reserves nothing (so a chat's future
-- never holds up other chats); a chat that may send now takes the next free global slot
-- (first come, first served) and pushes both times forward from that slot.
-- Not an engine script: called by the Telegram delivery worker (TelegramRateLimiter).
-- KEYS[1] = vd:tg:rl:c:<chat id>, KEYS[2] = vd:tg:rl:g
-- ARGV: chat_interval_us, global_interval_us, max_wait_us
-- Returns {1, wait_us}: a slot is reserved, send after wait_us; or {0, wait_us}: nothing
-- was reserved, ask again after wait_us (the chat's spacing, or a global queue longer than
-- max_wait_us).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local chat_interval, global_interval, max_wait = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local chat_next = tonumber(redis.call('GET', KEYS[1]) or '0')
if chat_next > now then return {0, chat_next - now} end
local global_next = tonumber(redis.call('GET', KEYS[2]) or '0')
local slot = math.max(now, global_next)
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
