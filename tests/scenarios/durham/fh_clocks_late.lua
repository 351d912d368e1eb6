-- Durham: a Family Hub case where the clocks run late: allocation (to an
-- Emotional Wellbeing Worker) after 7 working days, consent after 10, the
-- assessment submitted after 15, returned by the FHTM and finalised after
-- both the 5-day and the 20-day rules, the six-week review and the four-week
-- extension review missed; then a TAF is established at Family Hub level.
-- Dates by hand (DESIGN.md §3); bare dates are 23:59:59 London time.
scenario "Durham: Family Hub clocks breached" {
  authority = "durham",
  start = "2026-01-05T09:00:00Z",
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    fhtm = { "fhtm", team = "family_hub" },
    ewbw = { "ewbw", team = "family_hub" },
  },
}

local c = open_case {
  workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Dixon", requester = "parent", reason = "parenting support" },
  members = {
    { id = "hal", name = "Hal", role = "child", dob = "2020-10-10" },
    { id = "ivy", name = "Ivy", role = "parent", dob = "1995-05-05" },
  },
}
act(c, "triage_allocate_fh", { as = "ehtw", at = "2026-01-05T10:00:00Z" })
expect_state(c, "fh_awaiting_allocation", "L374: Family Hub referrals for parenting support")
-- Mon 5 Jan + 7 working days = Wed 14 Jan.
at "2026-01-15T09:00:00Z"
expect_timescale(c, "T07_fh_allocation_7wd", { status = "breached", due = "2026-01-14" }, "L599: not allocated within seven working days")
act(c, "allocate_ewbw", { as = "fhtm", at = "2026-01-15T10:00:00Z", input = { ewbw = user_id "ewbw", discussion_and_actions = "EWBW for low mood" } })
expect_state(c, "fh_allocated", "L657: allocated to the EWBW via routine allocation")
expect_assigned(c, "ewbw", "L657")
expect_timescale(c, "T07_fh_allocation_7wd", { status = "met_late" }, "L599")

-- Thu 15 Jan + 10 working days = Thu 29 Jan.
at "2026-01-30T09:00:00Z"
expect_timescale(c, "T14_fh_consent_10wd", { status = "breached", due = "2026-01-29" }, "L617: consent not gained within 10 working days")
add_record(c, "initial_checks", { as = "ewbw", at = "2026-01-30T09:30:00Z", fields = { pvp_register_checked = true, rapid_completed = true } })
act(c, "record_fh_consent", { as = "ewbw", at = "2026-01-30T10:00:00Z" })
expect_timescale(c, "T14_fh_consent_10wd", { status = "met_late" }, "L617")

-- Fri 30 Jan + 15 working days = Fri 20 Feb.
at "2026-02-23T09:00:00Z"
expect_timescale(c, "T15_fh_assessment_submitted_15wd", { status = "breached", due = "2026-02-20" }, "L645: not submitted within 15 working days")
act(c, "submit_fh_assessment", { as = "ewbw", at = "2026-02-24T10:00:00Z", input = {
  reason_for_contact = "Parent request", detailed_notes = "HEAT", analysis = "Routines",
  heat_date = "2026-02-02", voice_of_child = "Drawings" } })
expect_timescale(c, "T15_fh_assessment_submitted_15wd", { status = "met_late" }, "L645")
-- Tue 24 Feb + 5 working days = Tue 3 Mar.
expect_timescale(c, "T16_fh_assessment_finalised_5wd", { occurrence = 1, status = "pending", due = "2026-03-03" }, "L645")
act(c, "return_fh_assessment", { as = "fhtm", at = "2026-02-26T10:00:00Z", input = { feedback = "Analysis too thin" } })
expect_state(c, "fh_assessment", "L882: returned where it does not meet minimum standards")
expect_timescale(c, "T16_fh_assessment_finalised_5wd", { occurrence = 1, status = "cancelled" }, "L882: a returned assessment restarts the 5-day QA clock")
-- Fri 30 Jan + 20 working days = Fri 27 Feb.
at "2026-03-02T09:00:00Z"
expect_timescale(c, "T16_fh_assessment_finalised_20wd", { status = "breached", due = "2026-02-27" }, "L879: not finalised within 20 working days")
act(c, "submit_fh_assessment", { as = "ewbw", at = "2026-03-02T10:00:00Z", input = {
  reason_for_contact = "Parent request", detailed_notes = "HEAT; scaling", analysis = "Worry statement added",
  heat_date = "2026-02-02", voice_of_child = "Drawings" } })
-- Mon 2 Mar + 5 working days = Mon 9 Mar.
at "2026-03-10T09:00:00Z"
expect_timescale(c, "T16_fh_assessment_finalised_5wd", { occurrence = 2, status = "breached", due = "2026-03-09" }, "L645: not finalised within 5 working days")
act(c, "finalise_fh_assessment", { as = "fhtm", at = "2026-03-10T10:00:00Z", input = { family_seen_assessment = true } })
expect_timescale(c, "T16_fh_assessment_finalised_5wd", { occurrence = 2, status = "met_late" }, "L645")
expect_timescale(c, "T16_fh_assessment_finalised_20wd", { status = "met_late" }, "L879")
add_record(c, "family_plan", { as = "ewbw", at = "2026-03-10T11:00:00Z", fields = {
  worry_statement = "Hal's sleep", wellbeing_goal = "Bedtime routine", exit_plan = "Nursery", time_limit = "6 weeks" } })
act(c, "authorise_family_plan", { as = "fhtm", at = "2026-03-11T10:00:00Z" })
expect_state(c, "fh_intervention", "L649")

-- Fri 30 Jan + 6 weeks = Fri 13 Mar.
at "2026-03-16T09:00:00Z"
expect_timescale(c, "T26_fh_six_week_review", { status = "breached", due = "2026-03-13" }, "L1126: not reviewed after six weeks")
act(c, "fh_case_review", { as = "fhtm", at = "2026-03-16T10:00:00Z", input = { review_outcome = "further_time_limited_work", discussion = "More time" } })
expect_timescale(c, "T26_fh_six_week_review", { status = "met_late" }, "L1126")
act(c, "extend_fh_support", { as = "fhtm", at = "2026-03-16T11:00:00Z", input = { other_options_explored = true, step_down_considered = true } })
-- Mon 16 Mar + 4 weeks = Mon 13 Apr (BST).
at "2026-04-14T09:00:00Z"
expect_timescale(c, "T25_fh_extension_review_4_weeks", { status = "breached", due = "2026-04-13" }, "L1013: extension not reviewed at four weeks")
act(c, "fh_case_review", { as = "fhtm", at = "2026-04-14T10:00:00Z", input = { review_outcome = "add_programme", discussion = "Programme added" } })
expect_timescale(c, "T25_fh_extension_review_4_weeks", { status = "met_late" }, "L1013")

-- A TAF at Family Hub level, in discussion with the manager (L1120, L649).
refuse(c, "hold_initial_taf", { as = "ewbw", at = "2026-04-14T11:00:00Z", input = {
  held_on = "2026-04-14", attendance_recorded = true, next_meeting_at = "2026-05-12T10:00:00Z" } },
  "guard_failed", "L1120: no TAF has been established for this Family Hub family")
act(c, "establish_taf", { as = "ewbw", at = "2026-04-14T12:00:00Z", input = { manager_agreed = true } })
expect_data(c, "plan_record_status", "open", "L649: the plan remains open for the duration of the TAF")
-- Tue 14 Apr + 6 weeks = Tue 26 May.
expect_timescale(c, "T21_plan_review_6_weeks", { status = "pending", due = "2026-05-26" }, "L942")
act(c, "hold_initial_taf", { as = "ewbw", at = "2026-04-15T10:00:00Z", input = {
  held_on = "2026-04-15", attendance_recorded = true, next_meeting_at = "2026-05-13T10:00:00Z" } })
expect_timescale(c, "T21_plan_review_6_weeks", { occurrence = 1, status = "met" }, "L942")
expect_timescale(c, "T22_next_taf_30wd", { status = "pending" }, "L1341: Family Hub families requiring a TAF follow the TAF cycle")
