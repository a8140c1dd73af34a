-- POSTs course registrations round robin over the courses listed in bench/work/courses.txt (one id per line, seeded by
-- bench/sql/booking-seed.sql), so requests running at the same time register for distinct courses.
dofile("bench/lua/statuses.lua")
local courses = {}
for line in io.lines("bench/work/courses.txt") do courses[#courses + 1] = line end
offset = 0
local body = '{"name":"Bench Teilnehmerin","consent":true}'

local i = 0
request = function()
  i = i + 1
  local course = courses[((i * 2 + offset) % #courses) + 1]
  return wrk.format("POST", "/api/v1/courses/" .. course .. "/registrations", {["Content-Type"] = "application/json"}, body)
end
