counter = 0
request = function()
  counter = counter + 1
  local ip = "10." .. (counter % 200) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("GET", "/api/v1/labs", { ["X-Forwarded-For"] = ip })
end
