-- B5: appeal create + read mix. Every other request files an appeal (POST); the rest read appeals filed
-- earlier in this connection (GET by id). Token and enterprise come from the environment.
local token = os.getenv("SIBAO_BENCH_TOKEN")
local enterprise = os.getenv("SIBAO_BENCH_ENTERPRISE")
local ids = {}
local n = 0

wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"

request = function()
  n = n + 1
  if n % 2 == 1 or #ids == 0 then
    local body = string.format(
      '{"enterpriseId":"%s","category":"LOGISTICS","title":"物流通道受阻 %d","description":"原料运输车辆在高速出口受阻，请协调通行。","urgency":"NORMAL"}',
      enterprise, n)
    return wrk.format("POST", "/api/v1/appeals", nil, body)
  end
  return wrk.format("GET", "/api/v1/appeals/" .. ids[math.random(#ids)])
end

response = function(status, headers, body)
  if status == 201 then
    local id = body:match('"id"%s*:%s*"([^"]+)"')
    if id then
      ids[#ids + 1] = id
      if #ids > 1000 then table.remove(ids, 1) end
    end
  elseif status >= 300 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
