-- POSTs the same, already fully booked time again and again: the "taken meanwhile" path (409 with alternatives).
local start = io.open("bench/work/taken.txt"):read("*l")
local lab, topic, language = os.getenv("LAB") or "groepelingen", os.getenv("TOPIC") or "smartphone", os.getenv("LANGUAGE") or "de"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"lab":"%s","topic":"%s","language":"%s","start":"%s","mode":"IN_PERSON","consent":true}',
  lab, topic, language, start)
