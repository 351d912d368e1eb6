-- Bexley: one family from Front Door-MASH through assessment, planning,
-- visits, reviews and ending to closure by a manager, every timescale on the
-- way met. Due dates computed by hand (DESIGN §3): winter dates are GMT, so a
-- bare date means 23:59:59Z that day; a date in British Summer Time means
-- 22:59:59Z.
scenario "Bexley: referral through MASH to closure, all timescales met" {
  authority = "bexley",
  start = "2026-01-05T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    tm = { "team_manager", team = "north" },
    kw = { "key_worker", team = "north" },
  },
}

local c = open_case {
  workflow = "family_wellbeing", as = "mash",
  data = { referrer = "Lakeside Primary School", referral_route = "professional_referral", written_consent = true },
  members = {
    { id = "amy", name = "Amy", role = "child", dob = "2014-03-01" },
    { id = "ben", name = "Ben", role = "child", dob = "2018-06-10" },
    { id = "pat", name = "Pat", role = "parent", dob = "1985-07-12" },
  },
}
expect_state(c, "contact_received", "L197: recorded as a Contact Record at Front Door-MASH")
expect_timescale(c, "T01_mash_decision_24h", { status = "pending", due = "2026-01-06T09:00:00Z" }, "L197: 24 hours, exact")

-- Front Door-MASH, option c -------------------------------------------------
at "2026-01-05T11:00:00Z"
act(c, "mash_route_to_fws", { as = "mash" })
expect_state(c, "fws_inbox_review", "L201: option c, directed to the FWS referral inbox")
expect_timescale(c, "T01_mash_decision_24h", { status = "met" }, "L197: initial decision within 24 hours")
-- Monday 5 January is day 0
expect_timescale(c, "T02_inbox_review_working_day", { status = "pending", due = "2026-01-06" }, "L205: reviewed every working day")
expect_timescale(c, "T02_inbox_review_daily", { status = "pending", due = "2026-01-06" }, "L233: inbox monitored every day")
expect_timescale(c, "T05_allocation_3wd_of_receipt", { status = "pending", due = "2026-01-08" }, "L233: 3 working days of receipt")

-- Duty manager accepts ------------------------------------------------------
at "2026-01-05T14:00:00Z"
act(c, "accept_referral", { as = "duty", input = {
  factors = { "mental_ill_health", "school_exclusion_or_attendance" },
  tier_three = true, not_in_need_or_at_risk = true,
} })
expect_state(c, "awaiting_allocation", "L205: episode opened on E.H.M.")
expect_records(c, "fw_referral", 1, "L205: Contact Record converted to a FW 'Referral'")
expect_data(c, "head_of_service_notified", false, "L128: within the 400-family capacity")
expect_timescale(c, "T02_inbox_review_working_day", { status = "met" }, "L205: reviewed the same working day")
expect_timescale(c, "T02_inbox_review_daily", { status = "met" }, "L233: reviewed the same day")
expect_timescale(c, "T04_allocation_72h_of_episode", { status = "pending", due = "2026-01-08T14:00:00Z" }, "L205: 72 hours of creating the episode")
expect_timescale(c, "T08_intro_visit_5wd_of_referral", { status = "pending", due = "2026-01-12" }, "L605: 5 working days of the referral date")
expect_timescale(c, "T09_assessment_authorised_20wd", { status = "pending", due = "2026-02-02" }, "L257: 20 working days of the referral")
-- 5 July 2026 is in British Summer Time
expect_timescale(c, "T15_service_period_6_months", { status = "pending", due = "2026-07-05T22:59:59Z" }, "L100: up to 6 months")

-- Allocation ------------------------------------------------------------------
at "2026-01-06T10:00:00Z"
act(c, "allocate_key_worker", { as = "duty", input = {
  key_worker = user_id "kw",
  children_count = 2, needs_summary = "Mother's low mood; Amy's attendance at 78%", wellbeing_scaling = 4,
  initial_visit_by = "2026-01-09", assessment_by = "2026-02-02", planning_meeting_by = "2026-02-06",
  case_review_by = "2026-04-06",
} })
expect_state(c, "allocated", "L233: allocated to a key worker")
expect_assigned(c, "kw", "L235: name of the allocated key worker")
expect_records(c, "allocation_note", 1, "L233: case allocation note")
expect_timescale(c, "T04_allocation_72h_of_episode", { status = "met" }, "L205: allocated within 72 hours")
expect_timescale(c, "T05_allocation_3wd_of_receipt", { status = "met" }, "L233: allocated within 3 working days")
expect_timescale(c, "T06_first_contact_3_days", { status = "pending", due = "2026-01-09" }, "L426: contact within 3 days")
expect_timescale(c, "T07_intro_visit_5_days", { status = "pending", due = "2026-01-11" }, "L241: introductory visit within 5 days")
expect_timescale(c, "T14_manager_case_review_3_months", { status = "pending", due = "2026-04-06T22:59:59Z" }, "L286: every 3 months (BST)")
add_record(c, "allocation_letter", { as = "kw", fields = {
  referral_received_on = "2026-01-05", referrer = "Lakeside Primary School", supervisor = "Terry Manager" } })

at "2026-01-07T10:00:00Z"
act(c, "record_first_contact", { as = "kw", input = { visit_arranged_for = "2026-01-09" } })
expect_timescale(c, "T06_first_contact_3_days", { status = "met" }, "L426: family contacted within 3 days")

-- Introductory visit ------------------------------------------------------------
at "2026-01-09T10:00:00Z"                       -- Friday
act(c, "record_introductory_visit", { as = "kw", input = {
  consent_confirmed = true, service_explained = true, visit_pattern_agreed = "home, fortnightly", partner_consent = true,
} })
expect_state(c, "assessment_in_progress", "L241: the introductory visit starts the wellbeing assessment")
expect_timescale(c, "T07_intro_visit_5_days", { status = "met" }, "L241: visit within 5 days of allocation")
expect_timescale(c, "T08_intro_visit_5wd_of_referral", { status = "met" }, "L605: visit within 5 working days of the referral")
expect_timescale(c, "T16_visit_case_note_3wd", { status = "pending", due = "2026-01-14" }, "L302: case note within 3 working days")
expect_timescale(c, "T12_visits_20wd_guidance", { status = "pending", due = "2026-02-06" }, "L616: visits a minimum of every 20 working days")

at "2026-01-12T10:00:00Z"
add_record(c, "case_note", { as = "kw", fields = { visit_type = "introductory visit", child_seen_alone = false, scale = 4 } })
expect_timescale(c, "T16_visit_case_note_3wd", { status = "met" }, "L302: visit recorded within 3 working days")
add_record(c, "genogram_ecomap", { as = "kw", fields = { summary = "Mother, two children; maternal grandmother nearby" } })

-- Assessment -------------------------------------------------------------------
at "2026-01-20T10:00:00Z"                       -- Tuesday
act(c, "complete_visit", { as = "kw", input = { visit_type = "home visit" } })
expect_timescale(c, "T12_visits_20wd_guidance", { occurrence = 1, status = "met", due = "2026-02-06" }, "L616: visited within 20 working days")
expect_timescale(c, "T12_visits_20wd_guidance", { occurrence = 2, status = "pending", due = "2026-02-17" }, "L616: re-armed from the visit")
at "2026-01-21T10:00:00Z"
add_record(c, "case_note", { as = "kw", fields = { visit_type = "home visit", child_seen_alone = true, scale = 5 } })
add_record(c, "wellbeing_assessment", { as = "kw", fields = {
  network = "grandmother, school", going_well = "warm relationships", worries = "mother's low mood; attendance",
  needs_to_change = "attendance above 95%", help_needed = "GP, school attendance officer" } })

at "2026-01-22T10:00:00Z"
act(c, "submit_assessment", { as = "kw" })
expect_state(c, "assessment_awaiting_authorisation", "L257: written up, for manager authorisation")
at "2026-01-23T10:00:00Z"
act(c, "authorise_assessment", { as = "tm" })
expect_state(c, "awaiting_initial_planning_meeting", "L265: authorised; initial planning meeting next")
expect_timescale(c, "T09_assessment_authorised_20wd", { status = "met", due = "2026-02-02" }, "L257: authorised within 20 working days")

-- Initial planning meeting: each child has their own plan ------------------------
add_record(c, "wellbeing_plan", { as = "kw", fields = { child = "amy", actions = "attendance plan with school", review_date = "2026-03-10" } })
add_record(c, "wellbeing_plan", { as = "kw", fields = { child = "ben", actions = "nursery place; routines", review_date = "2026-03-10" } })
at "2026-01-27T10:00:00Z"                       -- Tuesday
act(c, "hold_initial_planning_meeting", { as = "kw", input = { attendees = "mother, Amy, school, health visitor" } })
expect_state(c, "plan_active", "L265: wellbeing plan developed")
expect_timescale(c, "T11_visits_20wd_after_ipm", { status = "pending", due = "2026-02-24" }, "L278: visits at least every 20 working days after the IPM")
expect_timescale(c, "T13_review_meeting_6_weeks", { status = "pending", due = "2026-03-10" }, "L284: review meetings every 6 weeks")
expect_timescale(c, "T18_minutes_5wd", { status = "pending", due = "2026-02-03" }, "L741: minutes within 5 working days")
at "2026-01-29T10:00:00Z"
add_record(c, "meeting_minutes", { as = "kw", fields = { meeting = "initial_planning", minutes = "plan agreed", review_date = "2026-03-10" } })
expect_timescale(c, "T18_minutes_5wd", { status = "met" }, "L741: minutes distributed within 5 working days")

-- Direct work --------------------------------------------------------------------
at "2026-02-02T10:00:00Z"                       -- Monday
act(c, "complete_direct_work", { as = "kw", input = { child = "amy" } })
expect_timescale(c, "T17_direct_work_recorded_3wd", { status = "pending", due = "2026-02-05" }, "L796: direct work recorded within 3 working days")
at "2026-02-03T10:00:00Z"
add_record(c, "direct_work", { as = "kw", fields = { summary = "three houses with Amy", analysis = "worried about mornings" } })
expect_timescale(c, "T17_direct_work_recorded_3wd", { status = "met" }, "L796: recorded within 3 working days")

-- Visits -------------------------------------------------------------------------
at "2026-02-10T10:00:00Z"
act(c, "complete_visit", { as = "kw", input = { visit_type = "home visit" } })
expect_timescale(c, "T11_visits_20wd_after_ipm", { occurrence = 1, status = "met", due = "2026-02-24" }, "L278: visited within 20 working days")
expect_timescale(c, "T11_visits_20wd_after_ipm", { occurrence = 2, status = "pending", due = "2026-03-10" }, "L278: re-armed from the visit")
expect_timescale(c, "T12_visits_20wd_guidance", { occurrence = 2, status = "met", due = "2026-02-17" }, "L616: visited within 20 working days")
at "2026-02-11T10:00:00Z"
add_record(c, "case_note", { as = "kw", fields = { visit_type = "home visit", scale = 6 } })

at "2026-03-05T10:00:00Z"
act(c, "complete_visit", { as = "kw", input = { visit_type = "school visit" } })
expect_timescale(c, "T11_visits_20wd_after_ipm", { occurrence = 2, status = "met" }, "L278: visited within 20 working days")
at "2026-03-06T10:00:00Z"
add_record(c, "case_note", { as = "kw", fields = { visit_type = "school visit", scale = 7 } })

-- Review meeting -----------------------------------------------------------------
at "2026-03-09T10:00:00Z"                       -- Monday
act(c, "hold_review_meeting", { as = "kw", input = { attendees = "mother, school" } })
expect_timescale(c, "T13_review_meeting_6_weeks", { occurrence = 1, status = "met", due = "2026-03-10" }, "L284: reviewed within 6 weeks")
expect_timescale(c, "T18_minutes_5wd", { status = "pending", due = "2026-03-16" }, "L741: minutes within 5 working days")
at "2026-03-10T10:00:00Z"
add_record(c, "meeting_minutes", { as = "kw", fields = { meeting = "review", minutes = "attendance 93%" } })
expect_timescale(c, "T18_minutes_5wd", { status = "met" }, "L741: minutes within 5 working days")

-- 3-monthly manager review -------------------------------------------------------
at "2026-03-20T10:00:00Z"
act(c, "manager_case_review", { as = "tm", input = { summary = "good progress; plan ending" } })
expect_timescale(c, "T14_manager_case_review_3_months", { occurrence = 1, status = "met" }, "L286: reviewed with a manager within 3 months")

-- Ending -------------------------------------------------------------------------
at "2026-03-23T10:00:00Z"
act(c, "initiate_ending", { as = "kw", input = { reason = "goals_achieved", discussed_in_supervision = true } })
expect_state(c, "ending_in_progress", "L292: family has reached its goals")
expect_timescale(c, "T15_service_period_6_months", { status = "met" }, "L100: ended within 6 months")
add_record(c, "feedback_form", { as = "kw", fields = { form = "service_user", given_to = "mother" } })
add_record(c, "feedback_form", { as = "kw", fields = { form = "partner", given_to = "school" } })
add_record(c, "closure_letter", { as = "kw", fields = { kind = "closure", exit_plan = "A: school mentor; B: GP review", includes_final_plan = true } })
at "2026-03-25T10:00:00Z"
act(c, "ending_completed", { as = "kw", input = { ending_meeting_held = true } })
expect_state(c, "closure_pending", "L294: ending meeting followed by a closure letter")
expect_timescale(c, "T11_visits_20wd_after_ipm", { status = "cancelled" }, "L278: no visits due once the work has ended")
expect_timescale(c, "T13_review_meeting_6_weeks", { status = "cancelled" }, "L284: no reviews due once the work has ended")

-- Closure ------------------------------------------------------------------------
refuse(c, "close_case", { as = "kw", input = { recordings_good_standard = true } }, "wrong_role", "L298: a manager closes the case record")
add_record(c, "closure_summary", { as = "kw", fields = { outcome = "goals_achieved", summary = "attendance 96%, mood improved" } })
at "2026-03-26T10:00:00Z"
act(c, "close_case", { as = "tm", input = { recordings_good_standard = true } })
expect_state(c, "closed", "L298: a manager closes the case record on E.H.M.")
expect_records(c, "case_note", 4, "L302: every visit recorded as a case note")
expect_records(c, "meeting_minutes", 2, "L310: minutes of initial and review meetings")
refuse(c, "hold_review_meeting", { as = "kw", input = { attendees = "x" } }, "case_closed", "L298: a closed episode is never reopened (L197: re-referrals are new contacts)")
