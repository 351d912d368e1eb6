-- tests/scenarios/somerset/cmooe_timescale.lua: TM_S2_cmooe_monthly (L243,
-- "Monthly Children Missing 'out on' Education (CMooE) meetings"): a listed
-- child is considered every month until returned to education. Recurring
-- (rearm from the satisfying event): met, breached, met late, cancelled.
-- Due dates by hand (DESIGN §3, months): same day-of-month one month later,
-- 23:59:59 London time.
scenario "Somerset: monthly CMooE consideration (TM-S2)" {
  authority = "somerset",
  start = "2026-01-05T09:00:00Z",
  users = {
    prac = { "practitioner", team = "schools" },
    cmooe = "cmooe_meeting",
  },
}

local c = open_case {
  workflow = "think_family", as = "prac",
  data = { identifying_agency = "Secondary school", concern = "Not attending school", point_of_entry = "school" },
  members = {
    { id = "leo", name = "Leo", role = "child", dob = "2013-04-04" },
    { id = "amy", name = "Amy", role = "child", dob = "2019-10-10" },
    { id = "dan", name = "Dan", role = "parent", dob = "1982-12-12" },
  },
}

at "2026-01-12T10:00:00Z"
act(c, "list_for_cmooe", { as = "prac", input = { child = "leo" } })
expect_data(c, "cmooe_listed", true, "L243: listed for the monthly CMooE meeting")
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "pending", due = "2026-02-12", count = 1 },
  "L243: considered at the meeting within a month")
refuse(c, "list_for_cmooe", { as = "prac", input = { child = "amy" } },
  "guard_failed", "L243: already listed")

-- occurrence 1 met; occurrence 2 runs from the meeting
at "2026-02-10T10:00:00Z"
act(c, "cmooe_review", { as = "cmooe", input = { outcome = "part_time_timetable" } })
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "met", occurrence = 1, due = "2026-02-12" },
  "L243: considered at the February meeting")
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "pending", due = "2026-03-10", count = 2 },
  "L243: and again at the next monthly meeting")

-- occurrence 2 breached: no meeting considered the child by 10 March
at "2026-03-11T09:00:00Z"
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "breached", due = "2026-03-10T23:59:59Z" },
  "L243: a month passed without consideration")

at "2026-03-12T10:00:00Z"
act(c, "cmooe_review", { as = "cmooe", input = { outcome = "remain_listed" } })
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "met_late", occurrence = 2 },
  "L243: considered late")
-- occurrence 3 from 12 March: due 12 April, British Summer Time (22:59:59Z)
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "pending", due = "2026-04-12T22:59:59Z", count = 3 },
  "L243: next monthly consideration (BST)")

at "2026-03-20T10:00:00Z"
act(c, "remove_from_cmooe", { as = "cmooe" })
expect_data(c, "cmooe_listed", false, "L243: returned to education swiftly")
expect_timescale(c, "TM_S2_cmooe_monthly", { status = "cancelled", occurrence = 3 },
  "L243: no longer listed, no monthly clock")
refuse(c, "cmooe_review", { as = "cmooe", input = { outcome = "remain_listed" } },
  "guard_failed", "L243: no child listed")
