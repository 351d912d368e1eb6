-- tests/scenarios/somerset/bank_holidays.lua: windows over Christmas 2026.
-- The Somerset document states no working-day timescale at all (spec §4), so
-- every Somerset clock is in calendar months. DESIGN §3: a months clock is due
-- 23:59:59 London time on the same day-of-month, whatever the day is; bank
-- holidays (2026-12-25 Fri, 2026-12-28 Mon substitute for Boxing Day) do NOT
-- move it. These due dates are asserted exactly.
scenario "Somerset: calendar-month clocks over Christmas 2026" {
  authority = "somerset",
  start = "2026-09-28T09:00:00Z",
  users = {
    trust = "childrens_trust",
    exec = "childrens_trust_executive",
    prac = "practitioner",
    cmooe = "cmooe_meeting",
  },
}

-- TM-S1 from Monday 28 September 2026 (BST): due Monday 28 December, a bank holiday
local g = open_case {
  workflow = "strategy_governance", as = "trust", members = {},
  data = { strategy = "Think Family Strategy (test period)" },
}
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "pending", due = "2026-12-28T23:59:59Z" },
  "L333: quarterly; due on the Boxing Day substitute holiday, not moved")

-- TM-S2 from Wednesday 25 November: due Friday 25 December (Christmas Day)
local c = open_case {
  workflow = "think_family", as = "prac",
  data = { identifying_agency = "School", concern = "Missing education" },
  members = {
    { id = "ola", name = "Ola", role = "child", dob = "2012-12-01" },
    { id = "bea", name = "Bea", role = "parent", dob = "1980-06-06" },
  },
}
at "2026-11-25T10:00:00Z"
act(c, "list_for_cmooe", { as = "prac", input = { child = "ola" } })
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "pending", due = "2026-12-25T23:59:59Z" },
  "L243: monthly; due on Christmas Day, not moved")

-- considered on Saturday 28 November: next due Monday 28 December (bank holiday)
at "2026-11-28T10:00:00Z"
act(c, "cmooe_review", { as = "cmooe", input = { outcome = "part_time_timetable" } })
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "met", occurrence = 1, due = "2026-12-25" },
  "L243: considered before Christmas")
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "pending", due = "2026-12-28T23:59:59Z", count = 2 },
  "L243: due 28 December although it is a bank holiday")

-- 28 December: the governance clock is met on the bank holiday itself
at "2026-12-28T12:00:00Z"
act(g, "record_quarterly_monitoring", { as = "exec", input = { cypp_progress = "Reported" } })
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "met", occurrence = 1, due = "2026-12-28" },
  "L333: met on the due day")

-- Tuesday 29 December, the first working day after: the CMooE clock is breached,
-- not extended to the next working day
at "2026-12-29T09:00:00Z"
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "breached", due = "2026-12-28" },
  "L243: a calendar month is not extended over bank holidays")
