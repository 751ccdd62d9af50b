-- telegram_limit.lua: spaces the messages sent to Telegram under two limits held across every
-- worker process: each chat's spacing (about 1 message per second, 20 per minute to a
-- group) and the bot's overall rate (about 30 per second), both as Telegram will see them,
-- however late a request leaves or long it takes.
-- Keys: a chat's key and the global spacing key hold the earliest time (µs, Redis clock) at
-- which their next message may go out; the window is a sorted set of the messages of the
-- last second: a message in flight scores its slot + 60 s, a finished one its end time.
-- 'reserve': a chat that must still wait is told how long and reserves nothing; with the
-- window full (every message that may still reach Telegram within a second) the caller
-- waits; otherwise it takes the next free global slot (first come, first served).
-- 'sent': the message (token) is done: it scores its end time, and the chat's next message
-- waits a full interval from now.
-- Not an engine script: called by the Telegram delivery worker (TelegramRateLimiter).
-- KEYS[1] = vd:tg:rl:c:<chat id>, KEYS[2] = vd:tg:rl:g, KEYS[3] = vd:tg:rl:w
-- ARGV: chat_interval_us, global_interval_us, max_wait_us, op ('reserve' | 'sent'),
--       token (unique per message), window_limit (messages per second)
-- Returns {1, wait_us}: reserved, send after wait_us; or {0, wait_us}: nothing reserved,
-- ask again after wait_us. 'sent' returns {1, 0}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local chat_interval, global_interval, max_wait = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local op, token, window_limit = ARGV[4], ARGV[5], tonumber(ARGV[6])
local second = 1000000
local chat_next = tonumber(redis.call('GET', KEYS[1]) or '0')
local function set_next(key, next_time)
  local ttl_ms = math.floor((next_time - now) / 1000) + 1000
  redis.call('SET', key, string.format('%.0f', next_time), 'PX', ttl_ms)
end
if op == 'sent' then
  set_next(KEYS[1], math.max(chat_next, now + chat_interval))
  if redis.call('ZSCORE', KEYS[3], token) then redis.call('ZADD', KEYS[3], now, token) end
  return {1, 0}
end
if chat_next > now then return {0, chat_next - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - second)
if redis.call('ZCARD', KEYS[3]) >= window_limit then
  local oldest = tonumber(redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')[2])
  local wait = 20000
  if oldest <= now then wait = oldest + second - now end
  return {0, math.max(wait, 1000)}
end
local global_next = tonumber(redis.call('GET', KEYS[2]) or '0')
local slot = math.max(now, global_next)
local wait = slot - now
if wait > max_wait then return {0, wait} end
set_next(KEYS[1], slot + chat_interval)
set_next(KEYS[2], slot + global_interval)
redis.call('ZADD', KEYS[3], slot + 60 * second, token)
redis.call('PEXPIRE', KEYS[3], 120000)
return {1, wait}
