-- tests/regress/scenarios/breach_error.lua: an on_breach effect that raises
-- does not undo the breach: the clock is breached, the breach event is in
-- the case's history, and every later timer -- on the same case and on other
-- cases -- still fires. Workflow:
-- tests/regress/workflows/regress/breach_error.lua. Lines cited are the
-- fixture's test numbers.
scenario "regress: an on_breach effect that raises still records the breach" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = { mgr = { "team_manager", team = "north" } },
}

local function breaches(c)
  local n = 0
  for _, e in ipairs(view(c).chronology) do
    if e.what:find("^Timescale breached") then n = n + 1 end
  end
  return n
end

local a = open_case { workflow = "breach_error", as = "mgr", data = { n = 0 } }   -- its breach effect divides by zero
local b = open_case { workflow = "breach_error", as = "mgr", data = { n = 2 }, at = "2026-03-30T12:00:00Z" }
expect_timescale(a, "first", { status = "pending", due = "2026-03-31" }, "L3")
expect_timescale(b, "first", { status = "pending", due = "2026-03-31" }, "L3")

at "2026-04-01T09:00:00Z"
expect_timescale(a, "first", { status = "breached" }, "L3: breached although its effect raised")
expect_data(a, "late", nil, "L3: the failed effect changed nothing")
check(breaches(a) == 1, "L3: the breach event is in case " .. a .. "'s history")
expect_timescale(b, "first", { status = "breached" }, "L3: the other case's timer still fires")
expect_data(b, "late", 5, "L3: and its effect runs")
expect_state(a, "open", "L3")

at "2026-04-10T09:00:00Z"
expect_timescale(a, "second", { status = "breached" }, "L4: a later timer on the same case still fires")
expect_timescale(b, "second", { status = "breached" }, "L4: and on the other case")
check(breaches(a) == 2, "L4: two breach events on case " .. a)

-- A case opened after the failure still gets its timers.
local c = open_case { workflow = "breach_error", as = "mgr", data = { n = 0 } }
at "2026-04-20T09:00:00Z"
expect_timescale(c, "first", { status = "breached" }, "L3: a new case's clock breaches")
expect_timescale(c, "second", { status = "breached" }, "L4")

-- The case stays usable: finishing it now meets both clocks late.
act(a, "finish", { as = "mgr" })
expect_timescale(a, "first", { status = "met_late" }, "L3")
expect_timescale(a, "second", { status = "met_late" }, "L4")
expect_state(a, "done", "L5")
