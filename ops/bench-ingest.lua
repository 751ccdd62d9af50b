-- wrk script for `ops/bench ingest`: POST /chat/texto with a small JSON message.
-- Bearer token from the TOKEN environment variable; chat ids cycle over BENCH_CHATS
-- (default 1000) ids, "bench-0" … "bench-999", so per-chat ordering keys are spread out.
-- All requests are built once per thread in init(); request() only picks the next one,
-- so the load generator spends its CPU on sending, not on Lua.

local token = os.getenv("TOKEN") or ""
local nchats = tonumber(os.getenv("BENCH_CHATS") or "1000") or 1000
local requests = {}
local i = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local offset = 0
function setup(thread)
  -- each thread starts at a different chat id
  thread:set("offset", offset)
  offset = offset + 500
end

function init(args)
  local start = tonumber(offset) or 0
  for n = 0, nchats - 1 do
    local id = (start + n) % nchats
    local body = string.format(
      '{"chat_id":"bench-%d","mensaje":"Hola, ¿tienen guantes de vaqueta?"}', id)
    requests[n + 1] = wrk.format("POST", "/chat/texto", nil, body)
  end
end

function request()
  i = i % nchats + 1
  return requests[i]
end
