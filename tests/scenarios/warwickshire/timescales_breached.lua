-- tests/scenarios/warwickshire/timescales_breached.lua: the allocation week,
-- a review, the one-year maximum and the 12-month exit strategy all breached,
-- then met late. L<n> = shared/seeds/003_6f36f2e5d3d52058.txt.
scenario "Warwickshire: breached allocation, review and one-year clocks" {
  authority = "warwickshire",
  start = "2026-01-05T09:00:00Z",
  users = {
    eho = { "early_help_officer", team = "east" },
    chair = { "early_help_caf_manager", team = "east" },
    fsw = { "fsw", team = "east" },
  },
}

local c = open_case {
  workflow = "family_support_work", as = "eho",
  data = { referrer = "Early help panel", source = "early_help_network", level = "complex", locality = "east" },
  members = {
    { id = "gus", name = "Gus", role = "child", dob = "2011-11-11" },
    { id = "hal", name = "Hal", role = "child", dob = "2016-02-29" },
    { id = "ivy", name = "Ivy", role = "parent", dob = "1984-04-04" },
  },
}
add_record(c, "single_assessment", { as = "eho", fields = { kind = "early_help", completed_on = "2026-01-02" } })
add_record(c, "consent_for_service", { as = "eho", fields = { given_by = "Ivy", given_on = "2026-01-05" } })
at "2026-01-05T10:00:00Z"
act(c, "triage_pass", { as = "eho", input = {
  stepped_approach_step = "step_3", threshold_tier = "tier_3", pf_data_matched = true,
  pf_domestic_abuse = true, pf_school_attendance = true, pf_crime_asb = true,
  pf_out_of_work = true, pf_health = false, pf_tier3_4_threshold = false } })

-- Due 2026-01-12 23:59:59 GMT: still pending one second before.
at "2026-01-12T23:59:58Z"
expect_timescale(c, "TM_W8_allocation_meeting_weekly", { status = "pending", due = "2026-01-12T23:59:59Z" },
  "L164: weekly allocation meeting (7 days)")
at "2026-01-13T09:00:00Z"
expect_timescale(c, "TM_W8_allocation_meeting_weekly", { status = "breached", due = "2026-01-12" },
  "L164: missed the weekly allocation meeting")
expect_data(c, "missed_allocation_meeting", true, "L164: breach flagged on the case")
at "2026-01-13T10:00:00Z"
act(c, "allocate", { as = "chair", input = { fsw = user_id "fsw", screened_at_meeting = true,
  agreed_in_supervision = true, meeting_date = "2026-01-13" } })
expect_timescale(c, "TM_W8_allocation_meeting_weekly", { status = "met_late" }, "L164: decided late")

-- 3-month review due 2026-04-13 (BST: 22:59:59Z); missed.
expect_timescale(c, "TM_W1_W4_reviews", { status = "pending", occurrence = 1, due = "2026-04-13T22:59:59Z" },
  "L205: review at 3 months from allocation")
at "2026-04-14T09:00:00Z"
expect_timescale(c, "TM_W1_W4_reviews", { status = "breached", occurrence = 1, due = "2026-04-13" },
  "L205: 3-month review overdue")
act(c, "review_held", { as = "fsw", input = { held_on = "2026-04-14", milestone = "3_months", smart_plan = "late review" } })
expect_timescale(c, "TM_W1_W4_reviews", { status = "met_late", occurrence = 1 }, "L205: 3-month review held late")
expect_timescale(c, "TM_W1_W4_reviews", { status = "pending", occurrence = 2, due = "2026-07-13" },
  "L205: a late review does not move the 6-month date (anchored to allocation, spec 8.4)")

at "2026-07-10T09:00:00Z"
act(c, "review_held", { as = "fsw", input = { held_on = "2026-07-10", milestone = "6_months", smart_plan = "p" } })
expect_timescale(c, "TM_W1_W4_reviews", { status = "met", occurrence = 2 }, "L205: 6-month review")
at "2026-10-12T09:00:00Z"
act(c, "review_held", { as = "fsw", input = { held_on = "2026-10-12", milestone = "9_months", smart_plan = "p" } })
expect_timescale(c, "TM_W1_W4_reviews", { status = "met", occurrence = 3 }, "L205: 9-month review")
expect_timescale(c, "TM_W1_W4_reviews", { status = "pending", occurrence = 4, due = "2027-01-13" }, "L205: 12-month review")
at "2027-01-11T09:00:00Z"
act(c, "review_held", { as = "fsw", input = { held_on = "2027-01-11", milestone = "12_months", smart_plan = "p" } })
expect_timescale(c, "TM_W1_W4_reviews", { status = "met", occurrence = 4, count = 4 }, "L205: four reviews only (3, 6, 9, 12 months)")

-- Twelve months from allocation pass with the family still open and no exit strategy.
expect_timescale(c, "TM_W4_max_one_year", { status = "pending", due = "2027-01-13" }, "L205: maximum of one year")
at "2027-01-14T09:00:00Z"
expect_timescale(c, "TM_W4_max_one_year", { status = "breached", due = "2027-01-13T23:59:59Z" }, "L205: one-year maximum exceeded")
expect_timescale(c, "TM_W4_exit_strategy_by_12_months", { status = "breached", due = "2027-01-13" }, "L95: no exit strategy by 12 months")
expect_data(c, "max_duration_exceeded", true, "L205: flagged on the case")
expect_data(c, "exit_strategy_missing", true, "L95: flagged on the case")
expect_timescale(c, "TM_W1_W4_reviews", { count = 4 }, "L205: no fifth review after 12 months")

act(c, "begin_exit", { as = "fsw" })
add_record(c, "exit_strategy", { as = "fsw", fields = { family_support_meeting_on = "2027-01-14",
  signposting = "Freedom Programme", fis_included = false } })
expect_timescale(c, "TM_W4_exit_strategy_by_12_months", { status = "met_late" }, "L95: exit strategy completed late")
refuse(c, "close_with_exit_strategy", { as = "fsw", input = { written_to_referrer = true, written_to_family = true } },
  "guard_failed", "L206: FIS to be a standard part of the exit plan")
add_record(c, "exit_strategy", { as = "fsw", fields = { family_support_meeting_on = "2027-01-15",
  signposting = "Freedom Programme", fis_included = true } })
at "2027-01-15T12:00:00Z"
act(c, "close_with_exit_strategy", { as = "fsw", input = { written_to_referrer = true, written_to_family = true } })
expect_state(c, "closed_completed", "L206: closed with the exit strategy")
expect_timescale(c, "TM_W4_max_one_year", { status = "met_late" }, "L205: intervention ended after one year")
