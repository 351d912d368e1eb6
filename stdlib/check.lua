-- stdlib/check.lua: check definitions with stock Lua, without the engine.
--
--   lua5.4 stdlib/check.lua authorities/bexley.lua workflows/bexley/*.lua
--
-- Runs the same validation as the engine's loader (stdlib/dsl.lua) and prints
-- `file:line: error|warning: message`; exits 1 on any error. Authority files
-- given first supply the roles the workflows may use. The engine's
-- `casework lint` is the authoritative check (it also runs the sandbox).
local here = arg[0]:match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local dsl = require("dsl")

local function where(level)
  local info = debug.getinfo(level + 1, "Sl")
  if not info then return "?", 0 end
  return info.short_src, info.currentline
end

local status, roles = 0, nil
for _, path in ipairs(arg) do
  local def = dsl.new(where, path)
  def.source = path
  local env = setmetatable({}, { __index = function(_, k)
    local v = def.env[k]
    if v == nil then v = _G[k] end
    return v
  end })
  local chunk, msg = loadfile(path, "t", env)
  if not chunk then
    print(msg)
    status = 1
  else
    local ok, e = pcall(chunk)
    if not ok then print(e) status = 1 end
    dsl.finish(def, def.kind == "workflow" and roles or nil)
    if def.kind == "authority" and def.body and def.body.roles then roles = def.body.roles end
    for _, w in ipairs(def.warnings) do print(w) end
    for _, e2 in ipairs(def.errors) do print(e2) status = 1 end
  end
end
os.exit(status)
