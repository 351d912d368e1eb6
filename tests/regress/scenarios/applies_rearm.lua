-- tests/regress/scenarios/applies_rearm.lua: a per-member `applies` filter is
-- evaluated again on the new anchor date whenever a recurring clock re-arms:
-- a child who has turned one since the last visit gets no new under-one
-- clock, while the every-child clock re-arms as usual. Workflow:
-- tests/regress/workflows/regress/applies_rearm.lua. Lines cited are the
-- fixture's test numbers.
scenario "regress: applies is evaluated again on re-arm" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = { mgr = { "team_manager", team = "north" } },
}

local c = open_case {
  workflow = "applies_rearm", as = "mgr",
  members = {
    { id = "bo", name = "Bo", role = "child", dob = "2025-04-15" },     -- one on 15 April 2026
    { id = "cy", name = "Cy", role = "child", dob = "2026-01-10" },     -- under one throughout
  },
}
act(c, "allocate", { as = "mgr" })
expect_timescale(c, "baby_seen", { member = "bo", count = 1, status = "pending" }, "L5: Bo is under one on 30 March")
expect_timescale(c, "baby_seen", { member = "cy", count = 1, status = "pending" }, "L5: Cy is under one")
add_record(c, "case_note", { as = "mgr", at = "2026-04-20T10:00:00Z", fields = { summary = "saw bo", member = "bo" } })
-- (Bo's first clock was due 15 April, so this visit meets it late.)
expect_timescale(c, "baby_seen", { member = "bo", count = 1, status = "met_late" }, "L5: Bo turned one on 15 April: no new under-one clock")
expect_timescale(c, "child_seen", { member = "bo", count = 2 }, "L6: the every-child clock re-arms")
expect_timescale(c, "child_seen", { member = "bo", occurrence = 2, status = "pending" }, "L6")
add_record(c, "case_note", { as = "mgr", fields = { summary = "saw cy", member = "cy" } })
expect_timescale(c, "baby_seen", { member = "cy", count = 2 }, "L5: Cy is still under one: re-armed")
expect_timescale(c, "baby_seen", { member = "cy", occurrence = 2, status = "pending" }, "L5")
act(c, "close", { as = "mgr" })
