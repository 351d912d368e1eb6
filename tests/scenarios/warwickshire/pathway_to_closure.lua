-- tests/scenarios/warwickshire/pathway_to_closure.lua: a Complex referral from
-- the early help network through EHO triage, the weekly allocation meeting,
-- four reviews anchored to allocation and exit planning, to closure with an
-- exit strategy. Every clock is met. L<n> = shared/seeds/003_6f36f2e5d3d52058.txt.
scenario "Warwickshire: referral to closure with an exit strategy" {
  authority = "warwickshire",
  start = "2026-01-05T09:00:00Z",                 -- Monday, GMT
  users = {
    eho = { "early_help_officer", team = "north" },
    chair = { "early_help_caf_manager", team = "north" },
    tm = { "locality_fsw_team_manager", team = "north" },
    fsw = { "fsw", team = "north" },
    other_fsw = { "fsw", team = "north" },
  },
}

local c = open_case {
  workflow = "family_support_work", as = "eho",
  data = { referrer = "Early help network (school lead professional)", source = "early_help_network",
           level = "complex", locality = "north" },
  members = {
    { id = "jay", name = "Jay", role = "child", dob = "2014-05-10" },
    { id = "kim", name = "Kim", role = "parent", dob = "1988-02-01" },
  },
}
expect_state(c, "referral_received", "L157: referrals into the FSW service come via the Early Help Officer")
add_record(c, "single_assessment", { as = "eho", fields = { kind = "early_help", completed_on = "2025-12-15" } })
add_record(c, "consent_for_service", { as = "eho", fields = { given_by = "Kim", given_on = "2026-01-05" } })

at "2026-01-05T10:00:00Z"
act(c, "triage_pass", { as = "eho", input = {
  stepped_approach_step = "step_3", threshold_tier = "tier_3", pf_data_matched = true,
  pf_domestic_abuse = true, pf_school_attendance = true, pf_crime_asb = false,
  pf_out_of_work = true, pf_health = true, pf_tier3_4_threshold = false } })
expect_state(c, "allocation_meeting_pending", "L157: triaged by the EHO; L164 to the weekly allocation meeting")
expect_data(c, "pf_criteria_met", 4, "L129: four of the six Priority Families criteria met")
expect_records(c, "triage_record", 1, "L157-L162: triage record")
expect_timescale(c, "TM_W8_allocation_meeting_weekly", { status = "pending", due = "2026-01-12" },
  "L164: decided at the next weekly meeting (7 days from triage)")

-- Thursday's weekly locality allocation meeting.
at "2026-01-08T14:00:00Z"
act(c, "allocate", { as = "chair", input = {
  fsw = user_id "fsw", screened_at_meeting = true, agreed_in_supervision = true,
  meeting_date = "2026-01-08", capacity_and_timescales = "capacity in north complex team" } })
expect_state(c, "intervention_active", "L95: FSW works with the family; single assessment already in place (L128)")
expect_assigned(c, "fsw", "L166: the meeting allocates family support work")
expect_data(c, "lead_professional", "fsw", "L215-L216: Complex FSW is lead professional")
expect_timescale(c, "TM_W8_allocation_meeting_weekly", { status = "met" }, "L164: allocated at the weekly meeting")
expect_timescale(c, "TM_W1_W4_reviews", { status = "pending", occurrence = 1, due = "2026-04-08" },
  "L205: review at 3 months from allocation")
expect_timescale(c, "TM_W4_max_one_year", { status = "pending", due = "2027-01-08" },
  "L205: intervention time limited to a maximum of one year")
expect_timescale(c, "TM_W4_exit_strategy_by_12_months", { status = "pending", due = "2027-01-08" },
  "L95: exit strategy completed by 12 months")

refuse(c, "review_held", { as = "other_fsw", input = { held_on = "2026-01-09", milestone = "3_months", smart_plan = "x" } },
  "wrong_role", "L205: the allocated FSW holds the review")

at "2026-04-01T09:00:00Z"
act(c, "review_held", { as = "fsw", input = { held_on = "2026-04-01", milestone = "3_months", smart_plan = "school attendance up to 85%" } })
expect_timescale(c, "TM_W1_W4_reviews", { status = "met", occurrence = 1 }, "L205: 3-month review held")
expect_timescale(c, "TM_W1_W4_reviews", { status = "pending", occurrence = 2, due = "2026-07-08" },
  "L205: 6-month review counted from allocation, not from the 3-month review (spec 8.4)")

at "2026-07-01T09:00:00Z"
act(c, "review_held", { as = "fsw", input = { held_on = "2026-07-01", milestone = "6_months", smart_plan = "attendance 90%" } })
expect_timescale(c, "TM_W1_W4_reviews", { status = "met", occurrence = 2 }, "L205: 6-month review held")
expect_timescale(c, "TM_W1_W4_reviews", { status = "pending", occurrence = 3, due = "2026-10-08" }, "L205: 9-month review")

at "2026-10-01T09:00:00Z"
act(c, "review_held", { as = "fsw", input = { held_on = "2026-10-01", milestone = "9_months", smart_plan = "plan for exit" } })
expect_timescale(c, "TM_W1_W4_reviews", { status = "met", occurrence = 3 }, "L205: 9-month review held")
expect_timescale(c, "TM_W1_W4_reviews", { status = "pending", occurrence = 4, due = "2027-01-08" }, "L205: 12-month review")

at "2026-10-02T09:00:00Z"
act(c, "begin_exit", { as = "fsw" })
expect_state(c, "exit_planning", "L95: exit strategy to be completed by 12 months")

at "2026-12-01T10:00:00Z"
add_record(c, "exit_strategy", { as = "fsw", fields = {
  family_support_meeting_on = "2026-12-01", signposting = "Triple P rolling programme; community youth club",
  fis_included = true, unmet_need = "housing advice" } })
expect_timescale(c, "TM_W4_exit_strategy_by_12_months", { status = "met" }, "L95: exit strategy completed by 12 months")

at "2027-01-05T10:00:00Z"
act(c, "review_held", { as = "fsw", input = { held_on = "2027-01-05", milestone = "12_months", smart_plan = "goals met" } })
expect_timescale(c, "TM_W1_W4_reviews", { status = "met", occurrence = 4, count = 4 }, "L205: four reviews, the last at 12 months")

refuse(c, "close_with_exit_strategy", { as = "fsw", input = { written_to_referrer = true, written_to_family = false } },
  "guard_failed", "L206: exit strategy in writing to both referrer and family")
refuse(c, "close_with_exit_strategy", { as = "fsw", input = { written_to_referrer = true, written_to_family = true } },
  "guard_failed", "L95: unmet need flagged through the Early Help Locality Panels")
at "2027-01-06T10:00:00Z"
act(c, "close_with_exit_strategy", { as = "fsw", input = {
  written_to_referrer = true, written_to_family = true, unmet_need_flagged_to_panel = true } })
expect_state(c, "closed_completed", "L206: closed with the exit strategy")
expect_timescale(c, "TM_W4_max_one_year", { status = "met" }, "L205: intervention ended within one year")
refuse(c, "refer_stuck_case", { as = "tm", input = { why_stuck = "x" } },
  "case_closed", "L206: nothing more happens on a closed case")
