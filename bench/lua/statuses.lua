-- Counts the answers by status in every wrk thread and prints them at the end, so a run tells successful requests
-- (201) per second apart from refusals (409). Loaded with dofile() by the scripts that POST.
local threads = {}
created, conflicts, others = 0, 0, 0

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 409 then conflicts = conflicts + 1
  else others = others + 1 end
end

function done(summary, latency, requests)
  local c, k, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); k = k + t:get("conflicts"); o = o + t:get("others")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("statuses: 201=%d 409=%d other=%d created/s=%.1f\n", c, k, o, c / seconds))
end
