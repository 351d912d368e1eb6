-- bench/wrk/post.lua: POST /cases/{id}/actions/review on a random plan case
-- (ids 1..4 and the multiples of 10 from 1010: see bench/populate.c).
-- wrk -s post.lua URL -- CASES TOKEN
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
local cases, token
local body = '{"input": {"held_on": "2030-03-06", "score": 5}}'

function init(args)
  cases = tonumber(args[1])
  token = args[2]
  math.randomseed(math.floor(os.clock() * 1e6) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

function request()
  local id
  if cases < 1010 then id = math.random(1, 4) else id = 10 * math.random(101, math.floor(cases / 10)) end
  return wrk.format("POST", "/cases/" .. id .. "/actions/review",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

done = common.done
