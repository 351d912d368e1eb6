-- tests/regress/scenarios/due_boundary.lua: a clock satisfied at exactly its
-- due instant is met (DESIGN.md §3: "on or before due"), and a clock breaches
-- only once the clock has passed its due instant. Workflow:
-- tests/regress/workflows/regress/due_boundary.lua. Lines cited are the
-- fixture's test numbers.
scenario "regress: due instant is the last moment to meet a clock" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",   -- Monday, British Summer Time
  users = { mgr = { "team_manager", team = "north" } },
}

local a = open_case { workflow = "due_boundary", as = "mgr" }
local b = open_case { workflow = "due_boundary", as = "mgr" }
expect_timescale(a, "hours_rule", { status = "pending", due = "2026-03-31T09:00:00Z" }, "L3: 24 hours exactly")
expect_timescale(a, "days_rule", { status = "pending", due = "2026-03-31" }, "L4: 23:59:59 local next day")

-- Standing on the due instant fires nothing: the clock has not passed it.
local fired = at "2026-03-31T09:00:00Z"
check(fired == 0, "L3: no timer fires at the due instant itself (fired " .. tostring(fired) .. ")")
expect_timescale(b, "hours_rule", { status = "pending" }, "L3: still pending at the due instant")

-- Satisfied at exactly the due instant: met, not met_late.
act(a, "answer", { as = "mgr", at = "2026-03-31T09:00:00Z" })
expect_timescale(a, "hours_rule", { status = "met" }, "L3: satisfied at due is met")

-- One second later the unmet clock breaches.
fired = at "2026-03-31T09:00:01Z"
check(fired == 1, "L3: one breach fires one second after due (fired " .. tostring(fired) .. ")")
expect_timescale(b, "hours_rule", { status = "breached" }, "L3: breached once the clock passes due")
expect_timescale(b, "days_rule", { status = "pending" }, "L4: not yet due")

-- The days rule is due 23:59:59 local (22:59:59Z in summer time).
fired = at "2026-03-31T22:59:59Z"
check(fired == 0, "L4: no timer fires at 23:59:59 local itself (fired " .. tostring(fired) .. ")")
expect_timescale(b, "days_rule", { status = "pending" }, "L4: still pending at 23:59:59 local")
act(b, "answer", { as = "mgr" })
expect_timescale(b, "days_rule", { status = "met" }, "L4: satisfied at 23:59:59 local is met")
expect_timescale(b, "hours_rule", { status = "met_late" }, "L3: satisfied after breach is met_late")

-- A third case left alone breaches its days rule one second after due.
local c = open_case { workflow = "due_boundary", as = "mgr", at = "2026-04-01T10:00:00Z" }
expect_timescale(c, "days_rule", { status = "pending", due = "2026-04-02" }, "L4")
at "2026-04-02T22:59:59Z"
expect_timescale(c, "days_rule", { status = "pending" }, "L4: pending at the due instant")
at "2026-04-02T23:00:00Z"
expect_timescale(c, "days_rule", { status = "breached" }, "L4: breached one second after due")
act(c, "close", { as = "mgr" })
