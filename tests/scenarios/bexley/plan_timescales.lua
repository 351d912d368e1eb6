-- Bexley: timescales while the plan is delivered, breached and then met late:
-- T11 (visits every 20 working days after the IPM, L278) and T12 (visits a
-- minimum of every 20 working days, L616), T13 (review meetings every 6 weeks,
-- L284), T14 (manager review every 3 months, L286), T15 (up to 6 months,
-- L100), T17 (direct work recorded within 3 working days, L796), T18 (minutes
-- within 5 working days, L741). Recurring clocks re-arm from the late visit.
scenario "Bexley: plan timescales breached" {
  authority = "bexley",
  start = "2026-01-05T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    tm = { "team_manager", team = "north" },
    kw = { "key_worker", team = "north" },
  },
}

local h = open_case {
  workflow = "family_wellbeing", as = "mash",
  data = { referrer = "self", referral_route = "self_referral", written_consent = true },
  members = {
    { id = "fay", name = "Fay", role = "child", dob = "2015-05-05" },
    { id = "mum", name = "Mum", role = "parent", dob = "1990-01-01" },
  },
}
at "2026-01-05T09:10:00Z"
act(h, "mash_route_to_fws", { as = "mash" })
at "2026-01-05T09:20:00Z"
act(h, "accept_referral", { as = "duty", input = { factors = { "physical_chastisement" }, tier_three = true, not_in_need_or_at_risk = true } })
at "2026-01-05T09:30:00Z"
act(h, "allocate_key_worker", { as = "duty", input = {
  key_worker = user_id "kw", children_count = 1, needs_summary = "physical chastisement", wellbeing_scaling = 5,
  initial_visit_by = "2026-01-06", assessment_by = "2026-01-30", planning_meeting_by = "2026-01-09",
  case_review_by = "2026-04-05",
} })
expect_timescale(h, "T14_manager_case_review_3_months", { status = "pending", due = "2026-04-05" }, "L286: 3 months from allocation (A7)")

at "2026-01-06T10:00:00Z"                      -- Tuesday
act(h, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })
add_record(h, "case_note", { as = "kw", fields = { visit_type = "introductory visit" } })
expect_timescale(h, "T12_visits_20wd_guidance", { status = "pending", due = "2026-02-03" }, "L616: a minimum of every 20 working days")
add_record(h, "genogram_ecomap", { as = "kw", fields = { summary = "g" } })
add_record(h, "wellbeing_assessment", { as = "kw", fields = {
  network = "n", going_well = "g", worries = "w", needs_to_change = "c", help_needed = "h" } })
act(h, "submit_assessment", { as = "kw" })
at "2026-01-07T10:00:00Z"
act(h, "authorise_assessment", { as = "tm" })
add_record(h, "wellbeing_plan", { as = "kw", fields = { child = "fay", actions = "positive parenting course" } })

at "2026-01-08T10:00:00Z"                      -- Thursday
act(h, "hold_initial_planning_meeting", { as = "kw", input = { attendees = "mother, Fay, school nurse" } })
expect_timescale(h, "T11_visits_20wd_after_ipm", { status = "pending", due = "2026-02-05" }, "L278: every 20 working days after the IPM")
expect_timescale(h, "T13_review_meeting_6_weeks", { status = "pending", due = "2026-02-19" }, "L284: every 6 weeks (A6: from the IPM)")
expect_timescale(h, "T18_minutes_5wd", { status = "pending", due = "2026-01-15" }, "L741: within 5 working days")

at "2026-01-09T10:00:00Z"                      -- Friday
act(h, "complete_direct_work", { as = "kw", input = { child = "fay" } })
expect_timescale(h, "T17_direct_work_recorded_3wd", { status = "pending", due = "2026-01-14" }, "L796: within 3 working days of the activity")

at "2026-01-16T09:00:00Z"
expect_timescale(h, "T17_direct_work_recorded_3wd", { status = "breached", due = "2026-01-14" }, "L796: direct work not recorded within 3 working days")
expect_timescale(h, "T18_minutes_5wd", { status = "breached", due = "2026-01-15" }, "L741: minutes not distributed within 5 working days")
add_record(h, "direct_work", { as = "kw", fields = { summary = "feelings faces" } })
add_record(h, "meeting_minutes", { as = "kw", fields = { meeting = "initial_planning", minutes = "plan agreed" } })
expect_timescale(h, "T17_direct_work_recorded_3wd", { status = "met_late" }, "L796: recorded late")
expect_timescale(h, "T18_minutes_5wd", { status = "met_late" }, "L741: distributed late")

-- No visit for a month ---------------------------------------------------------------
at "2026-02-06T09:00:00Z"                      -- Friday
expect_timescale(h, "T12_visits_20wd_guidance", { occurrence = 1, status = "breached", due = "2026-02-03" }, "L616: no visit within 20 working days")
expect_timescale(h, "T11_visits_20wd_after_ipm", { occurrence = 1, status = "breached", due = "2026-02-05" }, "L278: no visit within 20 working days of the IPM")
act(h, "complete_visit", { as = "kw", input = { visit_type = "home visit" } })
add_record(h, "case_note", { as = "kw", fields = { visit_type = "home visit" } })
expect_timescale(h, "T11_visits_20wd_after_ipm", { occurrence = 1, status = "met_late" }, "L278: visited late")
expect_timescale(h, "T11_visits_20wd_after_ipm", { occurrence = 2, status = "pending", due = "2026-03-06" }, "L278: re-armed from the late visit")
expect_timescale(h, "T12_visits_20wd_guidance", { occurrence = 2, status = "pending", due = "2026-03-06" }, "L616: re-armed from the late visit")

at "2026-02-20T09:00:00Z"
expect_timescale(h, "T13_review_meeting_6_weeks", { occurrence = 1, status = "breached", due = "2026-02-19" }, "L284: no review meeting within 6 weeks")
act(h, "hold_review_meeting", { as = "kw", input = { attendees = "mother, school nurse" } })
add_record(h, "meeting_minutes", { as = "kw", fields = { meeting = "review", minutes = "m" } })
expect_timescale(h, "T13_review_meeting_6_weeks", { occurrence = 1, status = "met_late" }, "L284: review held late")
-- 20 February + 6 weeks = 3 April 2026, in British Summer Time
expect_timescale(h, "T13_review_meeting_6_weeks", { occurrence = 2, status = "pending", due = "2026-04-03T22:59:59Z" }, "L700: reviewed 6 weekly")

at "2026-03-05T10:00:00Z"
act(h, "complete_visit", { as = "kw", input = { visit_type = "home visit" } })
add_record(h, "case_note", { as = "kw", fields = { visit_type = "home visit" } })
expect_timescale(h, "T11_visits_20wd_after_ipm", { occurrence = 2, status = "met" }, "L278: visited within 20 working days")

-- T14: manager review due 5 April (a Sunday; months are calendar) -----------------------
at "2026-04-06T09:00:00Z"
expect_timescale(h, "T14_manager_case_review_3_months", { occurrence = 1, status = "breached", due = "2026-04-05" }, "L286: no manager review within 3 months")
act(h, "manager_case_review", { as = "tm", input = { summary = "plan drifting" } })
expect_timescale(h, "T14_manager_case_review_3_months", { occurrence = 1, status = "met_late" }, "L286: reviewed late")
expect_timescale(h, "T14_manager_case_review_3_months", { occurrence = 2, status = "pending", due = "2026-07-06" }, "L286: next review 3 months on")

-- T15: up to 6 months from the episode (5 July 2026) -------------------------------------
at "2026-07-06T09:00:00Z"
expect_timescale(h, "T15_service_period_6_months", { status = "breached", due = "2026-07-05" }, "L100: service beyond 6 months")
expect_data(h, "service_period_exceeded", true, "L100: flagged, no automatic closure (A4)")
expect_state(h, "plan_active", "L100: the document sets no closure at 6 months (A4)")
add_record(h, "continuation_rationale", { as = "tm", fields = { rationale = "attendance improving; two more reviews" } })
act(h, "initiate_ending", { as = "kw", input = { reason = "family_feels_improved", discussed_in_supervision = true } })
expect_timescale(h, "T15_service_period_6_months", { status = "met_late" }, "L100: ending begun after 6 months")
