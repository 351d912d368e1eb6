-- tests/regress/scenarios/rng_filter.lua: math.random in a per-member
-- `applies` filter and in an effect replays equal. The replay of every case
-- this file touched is compared with the store when the file ends (the
-- "replay of case N equals the store" lines are the real assertions here).
-- Workflow: tests/regress/workflows/regress/rng_filter.lua. Lines cited are
-- the fixture's test numbers.
scenario "regress: math.random in applies and effects replays equal" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = { mgr = { "team_manager", team = "north" } },
}

local function count(c, name)
  local n = 0
  for _, t in ipairs(view(c).timescales) do
    if t.name == name then n = n + 1 end
  end
  return n
end

local ms = {}
for i = 1, 8 do ms[i] = { id = "p" .. i, name = "Parent " .. i, role = "parent", dob = "1990-01-01" } end

local cases = {}
for i = 1, 3 do
  cases[i] = open_case { workflow = "rng_filter", as = "mgr", members = ms }
  local n = count(cases[i], "visit")
  check(n >= 0 and n <= 8, "L3: case " .. cases[i] .. " has " .. n .. " of 8 member clocks")
end
for i = 1, 3 do
  act(cases[i], "roll", { as = "mgr" })
  local r = view(cases[i]).data.r
  check(math.type(r) == "integer" and r >= 1 and r <= 1000, "L5: case " .. cases[i] .. " rolled " .. tostring(r))
end
-- Roll again later: the recurring clocks re-arm through the filter again.
for i = 1, 3 do act(cases[i], "roll", { as = "mgr", at = "2026-03-31T09:00:00Z" }) end
at "2026-04-10T09:00:00Z"
for i = 1, 2 do act(cases[i], "finish", { as = "mgr" }) end
