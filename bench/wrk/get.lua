-- bench/wrk/get.lua: GET /cases/{id} for a random case of the store.
-- wrk -s get.lua URL -- CASES TOKEN
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
local cases, token

function init(args)
  cases = tonumber(args[1])
  token = args[2]
  math.randomseed(math.floor(os.clock() * 1e6) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

function request()
  return wrk.format("GET", "/cases/" .. math.random(1, cases), { ["Authorization"] = "Bearer " .. token })
end

done = common.done
