-- tests/regress/scenarios/calendar_change.lua: due dates over a working-day
-- window, a breach and a late allocation. Run with the other scenarios, and
-- again by tests/regress.t into a database that `casework verify` then
-- checks against a copy of tests/regress whose calendar has an extra closure
-- day (2026-04-01, inside the window): verify must still pass, because the
-- events record the calendar their due dates were computed with. Workflow:
-- tests/regress/workflows/regress/calendar_change.lua. Lines cited are the
-- fixture's test numbers.
scenario "regress: due dates keep the calendar they were computed with" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",   -- Monday, British Summer Time
  users = { tri = "triage_officer", mgr = { "team_manager", team = "north" } },
}

local c = open_case { workflow = "calendar_change", as = "tri" }
act(c, "accept", { as = "tri", at = "2026-03-30T10:00:00Z" })
-- 3 working days from Monday 30 March (Good Friday is 3 April): 31 Mar,
-- 1 Apr, 2 Apr. With 1 April closed it would be Tuesday 7 April.
expect_timescale(c, "allocation", { status = "pending", due = "2026-04-02" }, "L5: 3 working days")
-- 10 working days skip Good Friday and Easter Monday.
expect_timescale(c, "follow_up", { status = "pending", due = "2026-04-15" }, "L6: 10 working days")
at "2026-04-03T12:00:00Z"
expect_timescale(c, "allocation", { status = "breached" }, "L5: breached after 2 April")
expect_data(c, "allocation_late", true, "L5: on_breach effect")
act(c, "allocate", { as = "mgr" })
expect_timescale(c, "allocation", { status = "met_late" }, "L5")

local d = open_case { workflow = "calendar_change", as = "tri" }
act(d, "accept", { as = "tri" })
-- Accepted on Good Friday (day 0); Easter Monday is skipped: 7, 8, 9 April.
expect_timescale(d, "allocation", { status = "pending", due = "2026-04-09" }, "L5: 3 working days over Easter")
