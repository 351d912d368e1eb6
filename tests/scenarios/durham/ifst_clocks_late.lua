-- Durham: an IFST case where the clocks run late: triage and allocation
-- breached then met late, the assessment extended by the manager (and an
-- extension past the 45-working-day cap refused), FNM and initial TAF outside
-- the assessment period, children not seen, recording late (24 hours breached
-- while 1 working day is met, then both breached), the TAF cycle lapsing, the
-- six-month case clinic flag and the annual review. Dates by hand (DESIGN.md
-- §3); bare dates mean 23:59:59 London time (BST from 29 Mar 2026).
scenario "Durham: IFST clocks breached" {
  authority = "durham",
  start = "2026-01-05T09:00:00Z",
  users = {
    fco = { "first_contact_officer", team = "first_contact" },
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
    om = { "operations_manager", team = "ifst" },
  },
}

local c = open_case {
  workflow = "one_point", as = "fco",
  data = { family_name = "Carter", requester = "parent", reason = "neglect concerns below threshold" },
  members = {
    { id = "eve", name = "Eve", role = "child", dob = "2014-06-06" },
    { id = "fay", name = "Fay", role = "child", dob = "2025-12-01" },
    { id = "gus", name = "Gus", role = "parent", dob = "1985-01-01" },
  },
}
act(c, "fc_redirect_to_eh", { as = "fco", at = "2026-01-05T10:00:00Z" })
at "2026-01-13T09:00:00Z"
expect_timescale(c, "T01_triage_progressed_5wd", { status = "breached", due = "2026-01-12" }, "L376: 5 working days passed")
expect_timescale(c, "T01_allocated_to_team_tray_5wd", { status = "breached", due = "2026-01-12" }, "L456")
add_record(c, "mo_case_note", { as = "sehtw", at = "2026-01-13T10:00:00Z", fields = { note = "IFST agreed" } })
act(c, "triage_allocate_ifst", { as = "ehtw", at = "2026-01-14T10:00:00Z", input = { complex_needs = true } })
expect_timescale(c, "T01_triage_progressed_5wd", { status = "met_late" }, "L376")
expect_timescale(c, "T01_allocated_to_team_tray_5wd", { status = "met_late" }, "L456")
-- Wed 14 Jan + 2 working days = Fri 16 Jan.
at "2026-01-19T09:00:00Z"
expect_timescale(c, "T06_ifst_allocation_2wd", { status = "breached", due = "2026-01-16" }, "L476: two working days passed")
add_record(c, "timeline", { as = "tm", at = "2026-01-19T10:00:00Z", fields = { initial_case_summary = "Neglect, baby" } })
act(c, "allocate_key_worker", { as = "tm", at = "2026-01-19T11:00:00Z", input = {
  key_worker = user_id "kw", expected_assessment_working_days = 28, discussion_and_actions = "Visit this week" } })
expect_timescale(c, "T06_ifst_allocation_2wd", { status = "met_late" }, "L476")
add_record(c, "initial_checks", { as = "kw", at = "2026-01-19T12:00:00Z", fields = { pvp_register_checked = true, rapid_completed = true } })

act(c, "record_consent", { as = "kw", at = "2026-01-20T10:00:00Z" })
-- Tue 20 Jan: + 28 working days = Fri 27 Feb; + 28 days = Tue 17 Feb; + 20 wd = Tue 17 Feb; + 10 wd = Tue 3 Feb.
expect_timescale(c, "T11_ifst_assessment_28wd", { status = "pending", due = "2026-02-27" }, "L685")
expect_timescale(c, "T11_ifst_assessment_28d", { status = "pending", due = "2026-02-17" }, "L507")

-- No child is seen: the visit clocks breach.
at "2026-02-04T09:00:00Z"
expect_timescale(c, "T18_under_one_visited_10wd", { member = "fay", status = "breached", due = "2026-02-03" }, "L683: under one not visited in 10 working days")
expect_timescale(c, "T19_ops_contact_10wd", { status = "breached", due = "2026-02-03" }, "L683: no OPS contact in 10 working days")
at "2026-02-18T09:00:00Z"
expect_timescale(c, "T17_child_seen_20wd", { member = "eve", status = "breached", due = "2026-02-17" }, "L683: not seen in 20 working days")
expect_timescale(c, "T17_child_seen_20wd", { member = "fay", status = "breached", due = "2026-02-17" }, "L683")
expect_timescale(c, "T17_child_seen_alone_20wd", { member = "eve", status = "breached", due = "2026-02-17" }, "L683: 5+ not seen alone")
expect_timescale(c, "T40_child_recording_20wd", { member = "eve", status = "breached", due = "2026-02-17" }, "L1806: no case recording for 20+ working days")
expect_timescale(c, "T12_fnm_28d", { status = "breached", due = "2026-02-17" }, "L510: no FNM within 28 days")
expect_timescale(c, "T13_initial_taf_28d", { status = "breached", due = "2026-02-17" }, "L511: no TAF in the assessment period of 28 days")
expect_timescale(c, "T11_ifst_assessment_28d", { status = "breached", due = "2026-02-17" }, "L507: 28 days passed")

-- Fri 20 Feb: only Fay is seen. Her clocks are met late; Eve's stay breached.
add_record(c, "child_seen", { as = "kw", at = "2026-02-20T10:00:00Z", fields = { member = "fay" } })
expect_timescale(c, "T17_child_seen_20wd", { member = "fay", occurrence = 1, status = "met_late" }, "L683")
expect_timescale(c, "T18_under_one_visited_10wd", { member = "fay", occurrence = 1, status = "met_late" }, "L683")
expect_timescale(c, "T17_child_seen_20wd", { member = "eve", status = "breached" }, "L683: a sighting of Fay does not count for Eve")
expect_timescale(c, "T19_ops_contact_10wd", { occurrence = 1, status = "met_late" }, "L683")
-- re-armed from Fri 20 Feb: Fay + 10 working days = Fri 6 Mar.
expect_timescale(c, "T18_under_one_visited_10wd", { member = "fay", occurrence = 2, status = "pending", due = "2026-03-06" }, "L683")

-- Wed 25 Feb: the manager extends the assessment before the 28 working days end (L689).
extend(c, "T11_ifst_assessment_28wd", { as = "tm", at = "2026-02-25T10:00:00Z", ["until"] = "2026-03-13", reason = "Family illness" })
expect_timescale(c, "T11_ifst_assessment_28wd", { status = "pending", due = "2026-03-13" }, "L689: extension with management approval")
-- Tue 20 Jan + 45 working days = Tue 24 Mar: the cap.
refuse(c, "extend_timescale", { as = "tm", at = "2026-02-25T11:00:00Z", input = { timescale = "T11_ifst_assessment_28wd", ["until"] = "2026-03-25", reason = "More time" } },
  "extension_over_cap", "L689: not exceed 45 days from the date of consent")
refuse(c, "extend_timescale", { as = "kw", at = "2026-02-25T11:30:00Z", input = { timescale = "T11_ifst_assessment_28wd", ["until"] = "2026-03-20", reason = "More time" } },
  "wrong_role", "L689: extension only with Management approval")

at "2026-02-28T09:00:00Z"
expect_timescale(c, "T13_initial_taf_assessment_period", { status = "breached", due = "2026-02-27" }, "L1226: no TAF in the assessment period")
expect_timescale(c, "T12_fnm_assessment_period", { status = "breached", due = "2026-02-27" }, "L687")

-- Mon 2 Mar 10:00: initial TAF, late; written up Tue 3 Mar 11:00 (25 hours, same working day).
act(c, "hold_initial_taf", { as = "kw", at = "2026-03-02T10:00:00Z", input = {
  held_on = "2026-03-02", attendance_recorded = true, next_meeting_at = "2026-03-30T10:00:00Z" } })
expect_timescale(c, "T13_initial_taf_28d", { status = "met_late" }, "L511")
expect_timescale(c, "T13_initial_taf_assessment_period", { status = "met_late" }, "L1226")
add_record(c, "case_note", { as = "kw", at = "2026-03-03T11:00:00Z", fields = { summary = "TAF 1", contact_type = "taf" } })
expect_timescale(c, "T32_recording_24h", { occurrence = 1, status = "met_late", due = "2026-03-03T10:00:00Z" }, "L1333: not within 24 hours")
expect_timescale(c, "T33_recording_1wd", { occurrence = 1, status = "met", due = "2026-03-03" }, "L1343: within 1 working day")

act(c, "submit_assessment", { as = "kw", at = "2026-03-04T10:00:00Z", input = {
  analysis = "Neglect below threshold", home_visit = true, direct_communication_with_children = true } })
act(c, "sign_off_assessment", { as = "tm", at = "2026-03-05T10:00:00Z", input = { family_seen_assessment = true } })
expect_timescale(c, "T11_ifst_assessment_28wd", { status = "met" }, "L689: met within the extension")
expect_timescale(c, "T11_ifst_assessment_28d", { status = "met_late" }, "L507: 28 days breached")

-- Fri 6 Mar 10:00: FNM, late; written up Tue 10 Mar (1 working day was Mon 9 Mar).
act(c, "hold_fnm", { as = "kw", at = "2026-03-06T10:00:00Z", input = { held_on = "2026-03-06" } })
expect_timescale(c, "T12_fnm_28d", { status = "met_late" }, "L510")
expect_timescale(c, "T12_fnm_assessment_period", { status = "met_late" }, "L687")
at "2026-03-10T09:00:00Z"
expect_timescale(c, "T33_recording_1wd", { occurrence = 2, status = "breached", due = "2026-03-09" }, "L1343: not recorded within 1 working day")
expect_timescale(c, "T32_recording_24h", { occurrence = 2, status = "breached", due = "2026-03-07T10:00:00Z" }, "L1333")
-- Mon 2 Mar + 5 working days = Mon 9 Mar.
expect_timescale(c, "T24_plan_updated_5wd", { status = "breached", due = "2026-03-09" }, "L1265: plan not updated within 5 working days")
add_record(c, "case_note", { as = "kw", at = "2026-03-10T10:00:00Z", fields = { summary = "FNM", contact_type = "fnm" } })
expect_timescale(c, "T33_recording_1wd", { occurrence = 2, status = "met_late" }, "L1343")
act(c, "update_family_plan", { as = "kw", at = "2026-03-12T10:00:00Z", input = {
  worry_statement = "Neglect", wellbeing_goal = "Fed and clean", exit_plan = "HV and school" } })
expect_timescale(c, "T24_plan_updated_5wd", { status = "met_late" }, "L1265")

-- Nothing else happens: the TAF cycle lapses (Mon 2 Mar + 10 wd = Mon 16 Mar;
-- + 30 wd = Wed 15 Apr after Easter; the plan was last reviewed at the FNM on
-- Fri 6 Mar, which re-armed the six-week review: + 6 weeks = Fri 17 Apr).
at "2026-04-20T09:00:00Z"
expect_timescale(c, "T23_plan_circulated_10wd", { status = "breached", due = "2026-03-16" }, "L1293: plan not circulated within 10 working days")
expect_timescale(c, "T22_next_taf_30wd", { status = "breached", due = "2026-04-15" }, "L1007: no TAF within 30 working days")
expect_timescale(c, "T34_chronology_after_taf_30wd", { status = "breached", due = "2026-04-15" }, "L1341: chronology not updated")
expect_timescale(c, "T21_plan_review_6_weeks", { occurrence = 1, status = "met" }, "L942: the FNM on 6 Mar reviewed the plan")
expect_timescale(c, "T21_plan_review_6_weeks", { occurrence = 2, status = "breached", due = "2026-04-17" }, "L942: plan not reviewed within six weeks")

-- Wed 14 Jan + 6 months = Tue 14 Jul: open over six months, eligible for a case clinic.
at "2026-07-15T09:00:00Z"
expect_timescale(c, "T41_open_six_months", { status = "breached", due = "2026-07-14" }, "L1789: CYP cases open over six months")
expect_data(c, "case_clinic_eligible", true, "L1789: selected for the bi-monthly case clinic")
add_record(c, "case_clinic_note", { as = "om", at = "2026-07-20T10:00:00Z", fields = { key_points = "Drift; TAF to restart" } })
expect_timescale(c, "T41_open_six_months", { status = "met_late" }, "L1797: operation management oversight case note")

-- Thu 5 Mar 2026 + 12 months = Fri 5 Mar 2027.
at "2027-03-08T09:00:00Z"
expect_timescale(c, "T20_annual_assessment_review", { occurrence = 1, status = "breached", due = "2027-03-05" }, "L764: not reviewed annually")
act(c, "review_assessment", { as = "kw", at = "2027-03-08T10:00:00Z", input = { kind = "annual_review", summary = "Annual review" } })
expect_timescale(c, "T20_annual_assessment_review", { occurrence = 1, status = "met_late" }, "L764")
-- re-armed from Mon 8 Mar 2027: + 12 months = Wed 8 Mar 2028.
expect_timescale(c, "T20_annual_assessment_review", { occurrence = 2, status = "pending", due = "2028-03-08" }, "L764: next annual review")
