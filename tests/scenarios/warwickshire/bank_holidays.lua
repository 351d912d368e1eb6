-- tests/scenarios/warwickshire/bank_holidays.lua: step-down exit support
-- (60 working days, L255) over Easter 2026 (Good Friday 3 April, Easter
-- Monday 6 April), asserted to the second, and breached.
-- L<n> = shared/seeds/003_6f36f2e5d3d52058.txt.
scenario "Warwickshire: 60 working days over Easter 2026" {
  authority = "warwickshire",
  start = "2026-01-05T09:00:00Z",
  users = {
    eho = { "early_help_officer", team = "north" },
    admin = { "early_help_administrator", team = "north" },
    chair = { "early_help_caf_manager", team = "north" },
    fsw = { "fsw", team = "north" },
    sw = { "social_worker", team = "north" },
  },
}

local e = open_case {
  workflow = "family_support_work", as = "admin",
  data = { referrer = "Social care children's team (north)", source = "social_care", level = "complex_intensive",
           locality = "north", social_worker_allocated = true },
  members = {
    { id = "sky", name = "Sky", role = "child", dob = "2011-01-31" },
    { id = "tam", name = "Tam", role = "parent", dob = "1980-08-08" },
  },
}
add_record(e, "single_assessment", { as = "sw", fields = { kind = "statutory", completed_on = "2025-12-18" } })
add_record(e, "consent_for_service", { as = "eho", fields = { given_by = "Tam", given_on = "2026-01-05" } })
add_record(e, "working_agreement", { as = "sw", fields = {
  desired_outcomes = "child remains at home", timescales = "CIN plan 6 months",
  review_process = "CIN reviews", reporting_and_communication = "fortnightly call" } })
act(e, "triage_pass", { as = "eho", input = {
  stepped_approach_step = "step_4a", threshold_tier = "tier_3", pf_data_matched = true,
  pf_domestic_abuse = false, pf_school_attendance = true, pf_crime_asb = true,
  pf_out_of_work = true, pf_health = true, pf_tier3_4_threshold = true } })
at "2026-01-08T10:00:00Z"
act(e, "allocate", { as = "chair", input = { fsw = user_id "fsw", screened_at_meeting = true,
  agreed_in_supervision = true, meeting_date = "2026-01-08" } })
expect_state(e, "ci_assigned_worker_active", "L217: FSW assigned worker alongside the social worker")

at "2026-01-12T15:00:00Z"
act(e, "cin_cpp_ending", { as = "sw", input = { stepped_approach = "Step 3 group work" } })
-- Day 0 is Mon 12 Jan. Working days: 13-16 Jan (4), 19 Jan-27 Mar ten weeks
-- (54), 30 Mar-2 Apr (58), [3 Apr Good Friday, 4-5 weekend, 6 Apr Easter
-- Monday], 7 Apr (59), 8 Apr (60). BST from 29 Mar: due 22:59:59Z.
expect_timescale(e, "TM_W7_exit_support_60_working_days", { status = "pending", due = "2026-04-08T22:59:59Z" },
  "L255: 60 working day maximum period, Easter bank holidays excluded")

at "2026-04-06T12:00:00Z"
expect_timescale(e, "TM_W7_exit_support_60_working_days", { status = "pending" }, "L255: Easter Monday is not a working day")
at "2026-04-08T22:00:00Z"
expect_timescale(e, "TM_W7_exit_support_60_working_days", { status = "pending" }, "L255: 23:00 BST on the 60th working day")
at "2026-04-08T23:30:00Z"
expect_timescale(e, "TM_W7_exit_support_60_working_days", { status = "breached", due = "2026-04-08" },
  "L255: exit support exceeded 60 working days")
expect_data(e, "exit_support_max_exceeded", true, "L255: maximum flagged on the case")

at "2026-04-10T10:00:00Z"
add_record(e, "exit_strategy", { as = "fsw", fields = { family_support_meeting_on = "2026-04-09",
  signposting = "FIS leaflets; community youth group", fis_included = true, stepped_approach = "Step 2 advice line" } })
act(e, "close_with_exit_strategy", { as = "fsw", input = { written_to_referrer = true, written_to_family = true } })
expect_timescale(e, "TM_W7_exit_support_60_working_days", { status = "met_late" }, "L255: exit support completed late")
expect_state(e, "closed_completed", "L255: closed with the exit strategy")
