-- POSTs bookings to the free times listed in bench/work/slots.txt (one ISO start per line), spread over the list.
-- With enough helpers per time (bench/sql/booking-seed.sql) nearly every request gets 201; a time whose helpers are
-- all taken answers 409 with alternatives. Both are counted apart (statuses.lua).
dofile("bench/lua/statuses.lua")
local starts = {}
for line in io.lines("bench/work/slots.txt") do starts[#starts + 1] = line end
local lab, topic, language = os.getenv("LAB") or "groepelingen", os.getenv("TOPIC") or "smartphone", os.getenv("LANGUAGE") or "de"
offset = 0

local i = 0
request = function()
  i = i + 1
  local start = starts[((i * 2 + offset) % #starts) + 1]
  local body = string.format('{"lab":"%s","topic":"%s","language":"%s","start":"%s","mode":"IN_PERSON","consent":true}',
    lab, topic, language, start)
  return wrk.format("POST", "/api/v1/appointments", {["Content-Type"] = "application/json"}, body)
end
