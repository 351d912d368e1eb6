-- Durham: a parent's request through First Contact and Early Help Triage to
-- the IFS Team, Key Worker allocation, consent, FNM and initial TAF inside the
-- assessment period, sign-off, the TAF cycle (a manager at the third TAF),
-- closure with the Family Survey and the standard closure letter. Every
-- clock on this path is met. Due dates computed by hand (DESIGN.md §3:
-- anchor day is day 0; winter, so 23:59:59 local = 23:59:59Z).
scenario "Durham: IFST pathway from First Contact to closure" {
  authority = "durham",
  start = "2026-01-05T09:00:00Z",   -- Monday
  users = {
    fco = { "first_contact_officer", team = "first_contact" },
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
  },
}

local c = open_case {
  workflow = "one_point", as = "fco",
  data = { family_name = "Ashworth", requester = "parent", reason = "parenting support and school attendance" },
  members = {
    { id = "amy", name = "Amy", role = "child", dob = "2016-05-01" },   -- 9: seen alone (L683)
    { id = "ben", name = "Ben", role = "child", dob = "2025-09-01" },   -- under one (L683)
    { id = "pat", name = "Pat", role = "parent", dob = "1990-02-02" },
  },
}
expect_state(c, "fc_contact_received", "L445: contact form completed at First Contact")

act(c, "fc_redirect_to_eh", { as = "fco", at = "2026-01-05T10:00:00Z" })
expect_state(c, "eh_triage", "L445: if deemed Early Help the referral is re-directed to Early Help Triage")
-- Mon 5 Jan is day 0; 5 working days: 6,7,8,9,12 -> Mon 12 Jan.
expect_timescale(c, "T01_triage_progressed_5wd", { status = "pending", due = "2026-01-12" }, "L376: up to 5 working days")
expect_timescale(c, "T01_allocated_to_team_tray_5wd", { status = "pending", due = "2026-01-12" }, "L456: tray within five working days")

add_record(c, "mo_case_note", { as = "sehtw", at = "2026-01-06T09:00:00Z", fields = { note = "Agreed: complex needs, IFST" } })
act(c, "triage_allocate_ifst", { as = "ehtw", at = "2026-01-07T10:00:00Z", input = { complex_needs = true } })
expect_state(c, "ifst_awaiting_allocation", "L374: EHTW with management oversight allocates to the IFS Managers in-tray")
expect_timescale(c, "T01_triage_progressed_5wd", { status = "met" }, "L376")
expect_timescale(c, "T01_allocated_to_team_tray_5wd", { status = "met" }, "L456")
-- Wed 7 Jan + 2 working days = Fri 9 Jan.
expect_timescale(c, "T06_ifst_allocation_2wd", { status = "pending", due = "2026-01-09" }, "L476: allocate within two working days")
-- 7 Jan + 6 months = 7 Jul (BST: bare date).
expect_timescale(c, "T41_open_six_months", { status = "pending", due = "2026-07-07" }, "L1789: cases open over six months")

add_record(c, "timeline", { as = "tm", at = "2026-01-08T09:00:00Z", fields = { initial_case_summary = "Attendance, routines, baby" } })
act(c, "allocate_key_worker", { as = "tm", at = "2026-01-08T11:00:00Z", input = {
  key_worker = user_id "kw", expected_assessment_working_days = 28,
  discussion_and_actions = "KW to visit this week; FNM early" } })
expect_state(c, "ifst_allocated", "L476: Key Worker allocated")
expect_assigned(c, "kw", "L488: case reassigned to the Key Worker")
expect_timescale(c, "T06_ifst_allocation_2wd", { status = "met" }, "L476")
expect_records(c, "allocation_summary", 1, "L482: Allocation Summary recorded")
expect_data(c, "expected_assessment_working_days", 28, "L685: expected assessment timescale recorded at allocation")

add_record(c, "initial_checks", { as = "kw", at = "2026-01-09T09:00:00Z", fields = { pvp_register_checked = true, rapid_completed = true, referrer_spoken_to = true } })
act(c, "record_consent", { as = "kw", at = "2026-01-12T10:00:00Z" })
expect_state(c, "ifst_assessment", "L685: assessment from consent")
-- Mon 12 Jan + 28 working days = Thu 19 Feb; + 28 days = Mon 9 Feb.
expect_timescale(c, "T11_ifst_assessment_28wd", { status = "pending", due = "2026-02-19" }, "L685: 28 working days from consent")
expect_timescale(c, "T11_ifst_assessment_28d", { status = "pending", due = "2026-02-09" }, "L507: 28 days")
expect_timescale(c, "T12_fnm_28d", { status = "pending", due = "2026-02-09" }, "L510: FNM where possible within 28 days")
expect_timescale(c, "T13_initial_taf_assessment_period", { status = "pending", due = "2026-02-19" }, "L1226: TAF during the assessment period")
-- Per child: 20 working days -> Mon 9 Feb; Ben under one, 10 working days -> Mon 26 Jan.
expect_timescale(c, "T17_child_seen_20wd", { member = "amy", status = "pending", due = "2026-02-09" }, "L683: seen every 20 working days")
expect_timescale(c, "T17_child_seen_alone_20wd", { member = "amy", status = "pending", due = "2026-02-09" }, "L683: seen alone if 5+")
expect_timescale(c, "T17_child_seen_alone_20wd", { member = "ben", count = 0 }, "L683: Ben is under 5, no seen-alone clock")
expect_timescale(c, "T18_under_one_visited_10wd", { member = "ben", status = "pending", due = "2026-01-26" }, "L683: under one every 10 working days")
expect_timescale(c, "T18_under_one_visited_10wd", { member = "amy", count = 0 }, "L683: Amy is not under one")
expect_timescale(c, "T19_ops_contact_10wd", { status = "pending", due = "2026-01-26" }, "L683: OPS contact every 10 working days")

-- Wed 14 Jan: both children seen (Amy alone).
add_record(c, "child_seen_alone", { as = "kw", at = "2026-01-14T10:00:00Z", fields = { member = "amy", seen_by = "KW" } })
add_record(c, "child_seen", { as = "kw", at = "2026-01-14T10:30:00Z", fields = { member = "ben", seen_by = "KW" } })
expect_timescale(c, "T17_child_seen_20wd", { member = "amy", occurrence = 1, status = "met" }, "L683")
expect_timescale(c, "T17_child_seen_alone_20wd", { member = "amy", occurrence = 1, status = "met" }, "L683: seen alone")
expect_timescale(c, "T40_child_recording_20wd", { member = "ben", occurrence = 1, status = "met" }, "L1806: a recording on Ben")
-- re-armed from Wed 14 Jan: + 20 working days = Wed 11 Feb; Ben + 10 = Wed 28 Jan.
expect_timescale(c, "T17_child_seen_20wd", { member = "amy", occurrence = 2, status = "pending", due = "2026-02-11" }, "L683: every 20 working days from the last sighting")
expect_timescale(c, "T18_under_one_visited_10wd", { member = "ben", occurrence = 2, status = "pending", due = "2026-01-28" }, "L683")
expect_timescale(c, "T19_ops_contact_10wd", { occurrence = 1, status = "met" }, "L683")

-- Mon 19 Jan: Family Network Meeting, written up the same afternoon.
act(c, "hold_fnm", { as = "kw", at = "2026-01-19T10:00:00Z", input = { held_on = "2026-01-19", plan_agreed = "Nan helps mornings" } })
expect_timescale(c, "T12_fnm_28d", { status = "met" }, "L510")
expect_timescale(c, "T12_fnm_assessment_period", { status = "met" }, "L687")
expect_timescale(c, "T32_recording_24h", { status = "pending", due = "2026-01-20T10:00:00Z" }, "L1333: recording within 24 hours")
expect_timescale(c, "T33_recording_1wd", { status = "pending", due = "2026-01-20" }, "L1343: within 1 working day")
add_record(c, "case_note", { as = "kw", at = "2026-01-19T15:00:00Z", fields = { summary = "FNM held", contact_type = "fnm" } })
expect_timescale(c, "T32_recording_24h", { status = "met" }, "L1333")
expect_timescale(c, "T33_recording_1wd", { status = "met" }, "L1343")

-- Mon 26 Jan: initial TAF, after the FNM and inside the assessment period.
act(c, "hold_initial_taf", { as = "kw", at = "2026-01-26T10:00:00Z", input = {
  held_on = "2026-01-26", attendance_recorded = true, next_meeting_at = "2026-02-23T10:00:00Z",
  support_plan_weeks = 4, next_taf_dates = { "2026-02-23", "2026-03-16" } } })
expect_timescale(c, "T13_initial_taf_28d", { status = "met" }, "L511: initial TAF in the assessment period of 28 days")
expect_timescale(c, "T13_initial_taf_assessment_period", { status = "met" }, "L1226")
-- Mon 26 Jan + 30 working days = Mon 9 Mar; + 10 = Mon 9 Feb; + 5 = Mon 2 Feb.
expect_timescale(c, "T22_next_taf_30wd", { status = "pending", due = "2026-03-09" }, "L1007: next TAF within 30 working days")
expect_timescale(c, "T23_plan_circulated_10wd", { status = "pending", due = "2026-02-09" }, "L1293: plan circulated within 10 working days")
expect_timescale(c, "T24_plan_updated_5wd", { status = "pending", due = "2026-02-02" }, "L1265: plan updated within 5 working days")
expect_timescale(c, "T34_chronology_after_taf_30wd", { status = "pending", due = "2026-03-09" }, "L1341")
add_record(c, "case_note", { as = "kw", at = "2026-01-26T16:00:00Z", fields = { summary = "TAF 1", contact_type = "taf" } })
add_record(c, "child_seen_alone", { as = "kw", at = "2026-01-27T10:00:00Z", fields = { member = "amy" } })
add_record(c, "child_seen", { as = "kw", at = "2026-01-27T10:30:00Z", fields = { member = "ben" } })
expect_timescale(c, "T18_under_one_visited_10wd", { member = "ben", occurrence = 2, status = "met" }, "L683: due Wed 28 Jan, seen Tue 27 Jan")
act(c, "update_family_plan", { as = "kw", at = "2026-01-29T10:00:00Z", input = {
  worry_statement = "Mornings are chaotic", wellbeing_goal = "Amy in school on time", wellbeing_scale = 4,
  exit_plan = "School and Health Visitor" } })
expect_timescale(c, "T24_plan_updated_5wd", { status = "met" }, "L1265")
act(c, "circulate_family_plan", { as = "kw", at = "2026-02-02T10:00:00Z", input = { circulated_to = "family, school, HV", family_consent_to_share = true } })
expect_timescale(c, "T23_plan_circulated_10wd", { status = "met" }, "L1293")
add_record(c, "chronology_update", { as = "kw", at = "2026-02-03T10:00:00Z", fields = { summary = "TAF 1 events" } })
expect_timescale(c, "T34_chronology_after_taf_30wd", { status = "met" }, "L1341")

act(c, "submit_assessment", { as = "kw", at = "2026-02-05T10:00:00Z", input = {
  analysis = "Needs met with support", home_visit = true, direct_communication_with_children = true,
  heat_date = "2026-01-14" } })
expect_state(c, "ifst_assessment_qa", "L685: manager quality assurance inside the 28 working days")
act(c, "sign_off_assessment", { as = "tm", at = "2026-02-06T10:00:00Z", input = { family_seen_assessment = true } })
expect_state(c, "ifst_intervention", "L758: signed off after the family has seen it")
expect_timescale(c, "T11_ifst_assessment_28wd", { status = "met" }, "L685")
expect_timescale(c, "T11_ifst_assessment_28d", { status = "met" }, "L507")
-- Fri 6 Feb + 12 months = Sat 6 Feb 2027; + 6 weeks = Fri 20 Mar.
expect_timescale(c, "T20_annual_assessment_review", { status = "pending", due = "2027-02-06" }, "L764: reviewed annually")
expect_timescale(c, "T21_plan_review_6_weeks", { status = "pending", due = "2026-03-20" }, "L942: four to six weekly")

add_record(c, "child_seen_alone", { as = "kw", at = "2026-02-09T10:00:00Z", fields = { member = "amy" } })
add_record(c, "child_seen", { as = "kw", at = "2026-02-09T10:30:00Z", fields = { member = "ben" } })
add_record(c, "child_seen_alone", { as = "kw", at = "2026-02-20T10:00:00Z", fields = { member = "amy" } })
add_record(c, "child_seen", { as = "kw", at = "2026-02-20T10:30:00Z", fields = { member = "ben" } })

-- Mon 23 Feb: second TAF (before Mon 9 Mar).
act(c, "hold_taf", { as = "kw", at = "2026-02-23T10:00:00Z", input = {
  held_on = "2026-02-23", attendance_recorded = true, next_meeting_at = "2026-03-16T10:00:00Z" } })
expect_timescale(c, "T22_next_taf_30wd", { occurrence = 1, status = "met" }, "L1007")
-- re-armed: Mon 23 Feb + 30 working days, skipping Good Friday 3 Apr and Easter Monday 6 Apr = Wed 8 Apr (BST).
expect_timescale(c, "T22_next_taf_30wd", { occurrence = 2, status = "pending", due = "2026-04-08" }, "L1297: within 30 working days from the last TAF")
expect_timescale(c, "T21_plan_review_6_weeks", { occurrence = 1, status = "met" }, "L942")
expect_timescale(c, "T21_plan_review_6_weeks", { occurrence = 2, status = "pending", due = "2026-04-06" }, "L942: six weeks from the last review")
add_record(c, "case_note", { as = "kw", at = "2026-02-23T15:00:00Z", fields = { summary = "TAF 2", contact_type = "taf" } })
act(c, "update_family_plan", { as = "kw", at = "2026-02-26T10:00:00Z", input = {
  worry_statement = "Mornings improving", wellbeing_goal = "Amy in school on time", wellbeing_scale = 6, exit_plan = "School" } })
act(c, "circulate_family_plan", { as = "kw", at = "2026-03-02T10:00:00Z", input = { circulated_to = "family, school", family_consent_to_share = true } })
add_record(c, "chronology_update", { as = "kw", at = "2026-03-03T10:00:00Z", fields = { summary = "TAF 2 events" } })
add_record(c, "child_seen_alone", { as = "kw", at = "2026-03-05T10:00:00Z", fields = { member = "amy" } })
add_record(c, "child_seen", { as = "kw", at = "2026-03-05T10:30:00Z", fields = { member = "ben" } })

-- Mon 16 Mar: third TAF, a manager attends (L1307).
act(c, "hold_taf", { as = "kw", at = "2026-03-16T10:00:00Z", input = {
  held_on = "2026-03-16", attendance_recorded = true, next_meeting_at = "2026-04-13T10:00:00Z", manager_attended = true } })
expect_data(c, "taf_count", 3, "L1307: every third TAF counts the initial TAF as the first")
add_record(c, "case_note", { as = "kw", at = "2026-03-16T14:00:00Z", fields = { summary = "TAF 3: closure discussed", contact_type = "taf" } })
add_record(c, "child_seen_alone", { as = "kw", at = "2026-03-16T15:00:00Z", fields = { member = "amy" } })
add_record(c, "child_seen", { as = "kw", at = "2026-03-16T15:30:00Z", fields = { member = "ben" } })

-- Closure (process map L1686-1714).
act(c, "propose_closure", { as = "kw", at = "2026-03-16T16:00:00Z", input = { reason = "Goals met" } })
expect_state(c, "closure_proposed", "L1690: closure discussed with family and partners")
act(c, "taf_agrees_closure", { as = "kw", at = "2026-03-17T10:00:00Z", input = { potential_closure_date = "2026-03-20", taf_discussed_with_family = true } })
add_record(c, "case_supervision_form", { as = "tm", at = "2026-03-17T11:00:00Z", fields = { discussion = "Closure agreed; needs met" } })
act(c, "confirm_closure_date", { as = "tm", at = "2026-03-17T12:00:00Z", input = { closure_date = "2026-03-20" } })
expect_state(c, "closure_pending_request", "L1700: closure date confirmed")
act(c, "record_survey_sent", { as = "kw", at = "2026-03-17T13:00:00Z", input = { sent_on = "2026-03-17", recipients = "Pat and Amy" } })
act(c, "update_family_plan", { as = "kw", at = "2026-03-18T09:00:00Z", input = {
  worry_statement = "None", wellbeing_goal = "Sustained", wellbeing_scale = 8, exit_plan = "Universal services" } })
act(c, "circulate_family_plan", { as = "kw", at = "2026-03-18T09:30:00Z", input = { circulated_to = "family", family_consent_to_share = true } })
add_record(c, "chronology_update", { as = "kw", at = "2026-03-18T09:45:00Z", fields = { summary = "TAF 3 events" } })
act(c, "request_closure", { as = "kw", at = "2026-03-18T10:00:00Z" })
expect_state(c, "closure_pending_signoff", "L1706: closure requested for manager sign-off")
add_record(c, "closure_checklist", { as = "tm", at = "2026-03-18T11:00:00Z", fields = { outcomes_section_checked = true, recordings_up_to_date = true, documents_uploaded = true } })
act(c, "sign_off_closure", { as = "tm", at = "2026-03-19T10:00:00Z" })
expect_state(c, "closure_signed_off", "L1712: manager signs the case off")
expect_timescale(c, "T17_child_seen_20wd", { member = "amy", status = "cancelled" }, "L1712: visits stop at sign-off")
act(c, "send_closure_letter", { as = "kw", at = "2026-03-20T10:00:00Z", input = { sent_on = "2026-03-20" } })
expect_state(c, "closed", "L1714: standard closure letter sent by the Key Worker")
expect_records(c, "family_survey_note", 1, "L1673: Family Survey evidenced before closure")
refuse(c, "hold_taf", { as = "kw", at = "2026-03-23T10:00:00Z", input = { held_on = "2026-03-23", attendance_recorded = true, next_meeting_at = "2026-04-20T10:00:00Z" } },
  "case_closed", "L1714: nothing applies to a closed case")
