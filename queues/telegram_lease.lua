-- telegram_lease.lua: the lease that lets one front-end process at a time long-poll
-- Telegram (a second getUpdates on the same token would cut the first one off).
-- Not an engine script: called by TelegramPoller.
-- KEYS[1] = vd:tg:poll:lease
-- ARGV: holder id, ttl_ms, op ('take' takes a free lease or renews one's own; 'drop' frees one's own)
-- Returns 1 when the caller holds (take) or dropped (drop) the lease, else 0.
local holder = redis.call('GET', KEYS[1])
if ARGV[3] == 'drop' then
  if holder == ARGV[1] then
    redis.call('DEL', KEYS[1])
    return 1
  end
  return 0
end
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
  return 1
end
return 0
