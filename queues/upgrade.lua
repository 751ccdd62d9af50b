-- upgrade.lua: moves what an earlier engine left in Redis streams (vd:q:<q>:s, one entry
-- per ready or running job, fields i = id and k = ordering key) into the queues' ready
-- lists, once, when a process prepares the engine; jobs already final are dropped, running
-- ones start again (another attempt). Then the stream is deleted.
-- KEYS: none. ARGV: queue names. Returns: number of jobs moved.
local moved = 0
for _, q in ipairs(ARGV) do
  local s = qkey(q, 's')
  if redis.call('TYPE', s).ok == 'stream' then
    local from = '-'
    while true do
      local got = redis.call('XRANGE', s, from, '+', 'COUNT', 1000)
      if #got == 0 then break end
      for _, e in ipairs(got) do
        local fields, id, key = e[2], nil, ''
        for j = 1, #fields, 2 do
          if fields[j] == 'i' then id = fields[j + 1] elseif fields[j] == 'k' then key = fields[j + 1] end
        end
        local state = id and redis.call('HGET', jkey(id), 'estado')
        if state and state ~= 'completado' and state ~= 'fallido' and state ~= 'muerto' then
          ready(q, id, key)
          moved = moved + 1
        end
      end
      if #got < 1000 then break end
      from = '(' .. got[#got][1]
    end
    redis.call('DEL', s)
  end
end
flush_ready()
return moved
