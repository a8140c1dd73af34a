-- POSTs bookings to the free times listed in bench/work/slots.txt (one ISO start per line), round robin over threads.
-- The first requests on each time get 201, later ones 409: both are the booking path under load.
local starts = {}
for line in io.lines("bench/work/slots.txt") do starts[#starts + 1] = line end
local counter = 0
local lab, topic, language = os.getenv("LAB") or "groepelingen", os.getenv("TOPIC") or "smartphone", os.getenv("LANGUAGE") or "de"

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end

local i = 0
request = function()
  i = i + 1
  local start = starts[((i * 7 + offset) % #starts) + 1]
  local body = string.format('{"lab":"%s","topic":"%s","language":"%s","start":"%s","mode":"IN_PERSON","consent":true}',
    lab, topic, language, start)
  return wrk.format("POST", "/api/v1/appointments", {["Content-Type"] = "application/json"}, body)
end

