-- tests/scenarios/somerset/bank_holidays_easter.lua: the monthly CMooE clock
-- (TM-S2, L243) over Easter 2026 and the change to British Summer Time
-- (29 March 2026). Good Friday 2026-04-03 and Easter Monday 2026-04-06 are bank
-- holidays; a calendar-month clock is still due on them, at 23:59:59 BST =
-- 22:59:59Z.
scenario "Somerset: monthly CMooE clock over Easter 2026" {
  authority = "somerset",
  start = "2026-03-02T09:00:00Z",
  users = {
    prac = "school_pfsa",
    cmooe = "cmooe_meeting",
  },
}

local c = open_case {
  workflow = "think_family", as = "prac",
  data = { identifying_agency = "Primary school", concern = "Elective home education query" },
  members = {
    { id = "raj", name = "Raj", role = "child", dob = "2015-01-20" },
    { id = "ana", name = "Ana", role = "parent", dob = "1986-04-04" },
  },
}
at "2026-03-03T10:00:00Z"
act(c, "list_for_cmooe", { as = "prac", input = { child = "raj" } })
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "pending", due = "2026-04-03T22:59:59Z" },
  "L243: one month, due Good Friday (BST)")

at "2026-03-06T10:00:00Z"
act(c, "cmooe_review", { as = "cmooe", input = { outcome = "elective_home_education" } })
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "met", occurrence = 1 }, "L243: considered in March")
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "pending", due = "2026-04-06T22:59:59Z", count = 2 },
  "L243: due Easter Monday, not moved to the next working day")

at "2026-04-07T08:00:00Z"
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "breached", due = "2026-04-06" },
  "L243: breached the day after Easter Monday")
