-- Durham: a professional's request straight to Early Help Triage, a Locality
-- Early Help Conversation, the Family Hub pathway (allocation in 7 WD, consent
-- in 10, proportionate assessment submitted in 15 and finalised, plan
-- authorised by the FHTM, six-week review, a four-week extension) and
-- closure. Every clock on this path is met. Winter dates: due 23:59:59Z.
scenario "Durham: Family Hub pathway from a professional request to closure" {
  authority = "durham",
  start = "2026-01-05T09:00:00Z",   -- Monday
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    fhtm = { "fhtm", team = "family_hub" },
    ehp = { "ehp", team = "family_hub" },
  },
}

-- L374: "Professional requests ... made directly to the Early Help Triage Workers"
local c = open_case {
  workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Blake", requester = "professional", referrer = "school", reason = "low mood, routines" },
  members = {
    { id = "cara", name = "Cara", role = "child", dob = "2019-03-03" },
    { id = "dan", name = "Dan", role = "parent", dob = "1988-08-08" },
  },
}
expect_state(c, "eh_triage", "L374: professional request direct to the EHTW")
expect_timescale(c, "T01_triage_progressed_5wd", { status = "pending", due = "2026-01-12" }, "L376")

act(c, "triage_refer_lehc", { as = "ehtw", at = "2026-01-06T10:00:00Z" })
expect_state(c, "lehc", "L447: Locality Early Help Conversation (professional requests only)")
expect_timescale(c, "T01_triage_progressed_5wd", { status = "met" }, "L376: request progressed")
expect_timescale(c, "T01_allocated_to_team_tray_5wd", { status = "pending", due = "2026-01-12" }, "L456: not yet in a team tray")

act(c, "lehc_refer_fh", { as = "ehtw", at = "2026-01-08T10:00:00Z" })
expect_state(c, "fh_awaiting_allocation", "L452-454: LEHC refers to the FH Team")
expect_timescale(c, "T01_allocated_to_team_tray_5wd", { status = "met" }, "L456")
-- Thu 8 Jan + 7 working days = Mon 19 Jan.
expect_timescale(c, "T07_fh_allocation_7wd", { status = "pending", due = "2026-01-19" }, "L599: seven working days from the in-tray")

act(c, "allocate_ehp", { as = "fhtm", at = "2026-01-13T10:00:00Z", input = { ehp = user_id "ehp", discussion_and_actions = "Home visit; HEAT" } })
expect_state(c, "fh_allocated", "L599: allocated to an Early Help Practitioner")
expect_assigned(c, "ehp", "L599")
expect_timescale(c, "T07_fh_allocation_7wd", { status = "met" }, "L599")
-- Tue 13 Jan + 10 working days = Tue 27 Jan.
expect_timescale(c, "T14_fh_consent_10wd", { status = "pending", due = "2026-01-27" }, "L617: consent within 10 working days from allocation")

add_record(c, "initial_checks", { as = "ehp", at = "2026-01-14T10:00:00Z", fields = { pvp_register_checked = true, rapid_completed = true } })
act(c, "record_fh_consent", { as = "ehp", at = "2026-01-16T10:00:00Z" })
expect_state(c, "fh_assessment", "L637: the assessment timescales are from the date of consent")
expect_timescale(c, "T14_fh_consent_10wd", { status = "met" }, "L617")
-- Fri 16 Jan + 15 working days = Fri 6 Feb; + 20 = Fri 13 Feb; + 6 weeks = Fri 27 Feb.
expect_timescale(c, "T15_fh_assessment_submitted_15wd", { status = "pending", due = "2026-02-06" }, "L645: submitted within 15 working days of consent")
expect_timescale(c, "T16_fh_assessment_finalised_20wd", { status = "pending", due = "2026-02-13" }, "L879: finalised within 20 working days")
expect_timescale(c, "T26_fh_six_week_review", { status = "pending", due = "2026-02-27" }, "L1126: reviewed after six weeks (from consent, spec §8.5)")
expect_timescale(c, "T17_child_seen_20wd", { member = "cara", status = "pending", due = "2026-02-13" }, "L683")
expect_timescale(c, "T19_ops_contact_10wd", { count = 0 }, "L683: the 10-day OPS contact applies to IFST (spec §8.6)")

act(c, "hold_fnm", { as = "ehp", at = "2026-01-20T10:00:00Z", input = { held_on = "2026-01-20" } })
add_record(c, "case_note", { as = "ehp", at = "2026-01-20T12:00:00Z", fields = { summary = "FNM offered and held", contact_type = "fnm" } })
add_record(c, "child_seen_alone", { as = "ehp", at = "2026-01-20T14:00:00Z", fields = { member = "cara" } })

act(c, "submit_fh_assessment", { as = "ehp", at = "2026-02-02T10:00:00Z", input = {
  reason_for_contact = "School referral", detailed_notes = "HEAT done; scaling 3/10", analysis = "Worry: routines",
  heat_date = "2026-01-20", voice_of_child = "MOMO completed" } })
expect_state(c, "fh_assessment_qa", "L645: submitted to the FHTM")
expect_timescale(c, "T15_fh_assessment_submitted_15wd", { status = "met" }, "L645")
-- Mon 2 Feb + 5 working days = Mon 9 Feb (earlier than the 20-day rule's 13 Feb).
expect_timescale(c, "T16_fh_assessment_finalised_5wd", { status = "pending", due = "2026-02-09" }, "L645: finalised within 5 working days")

act(c, "finalise_fh_assessment", { as = "fhtm", at = "2026-02-05T10:00:00Z", input = { family_seen_assessment = true } })
expect_state(c, "fh_plan_pending", "L879: finalised by the FHTM")
expect_timescale(c, "T16_fh_assessment_finalised_5wd", { status = "met" }, "L645")
expect_timescale(c, "T16_fh_assessment_finalised_20wd", { status = "met" }, "L879")
expect_timescale(c, "T20_annual_assessment_review", { status = "pending", due = "2027-02-05" }, "L764")

act(c, "update_family_plan", { as = "ehp", at = "2026-02-06T10:00:00Z", input = {
  worry_statement = "Cara's low mood", wellbeing_goal = "Cara sleeps well", exit_plan = "School nurse", time_limit = "6 weeks" } })
act(c, "authorise_family_plan", { as = "fhtm", at = "2026-02-09T10:00:00Z" })
expect_state(c, "fh_intervention", "L649: Family Plan authorised by the FHTM")
expect_data(c, "plan_record_status", "closed", "L649: the plan is authorised and then closed (no TAF)")
add_record(c, "child_seen_alone", { as = "ehp", at = "2026-02-10T10:00:00Z", fields = { member = "cara" } })

act(c, "fh_case_review", { as = "fhtm", at = "2026-02-20T10:00:00Z", input = { review_outcome = "further_time_limited_work", discussion = "Progress; 4 more weeks" } })
expect_timescale(c, "T26_fh_six_week_review", { status = "met" }, "L1126")
act(c, "extend_fh_support", { as = "fhtm", at = "2026-02-20T11:00:00Z", input = { other_options_explored = true, step_down_considered = true } })
-- Fri 20 Feb + 4 weeks = Fri 20 Mar.
expect_timescale(c, "T25_fh_extension_review_4_weeks", { status = "pending", due = "2026-03-20" }, "L1013: a further four weeks, reviewed at the next case discussion")
add_record(c, "child_seen_alone", { as = "ehp", at = "2026-03-06T10:00:00Z", fields = { member = "cara" } })
act(c, "fh_case_review", { as = "fhtm", at = "2026-03-13T10:00:00Z", input = { review_outcome = "further_time_limited_work", discussion = "Goals met" } })
expect_timescale(c, "T25_fh_extension_review_4_weeks", { status = "met" }, "L1013")

act(c, "propose_closure", { as = "ehp", at = "2026-03-16T10:00:00Z", input = { reason = "Goals met" } })
act(c, "agree_fh_closure", { as = "fhtm", at = "2026-03-16T11:00:00Z", input = { closure_date = "2026-03-20" } })
expect_state(c, "closure_pending_request", "L1678-1680: FHTM agrees closure, recorded on the Case Supervision Form")
act(c, "record_survey_sent", { as = "ehp", at = "2026-03-17T10:00:00Z", input = { sent_on = "2026-03-17", recipients = "Dan" } })
refuse(c, "request_closure", { as = "ehp", at = "2026-03-17T10:30:00Z" }, "guard_failed",
  "L1680: the Early Help Plan must be restarted and updated with outcomes first")
add_record(c, "closure_outcomes_plan", { as = "ehp", at = "2026-03-17T11:00:00Z", fields = { outcomes_achieved = "Sleep and mood improved" } })
act(c, "authorise_closure_plan", { as = "fhtm", at = "2026-03-17T12:00:00Z" })
act(c, "request_closure", { as = "ehp", at = "2026-03-17T13:00:00Z" })
add_record(c, "closure_checklist", { as = "fhtm", at = "2026-03-18T10:00:00Z", fields = { outcomes_section_checked = true, recordings_up_to_date = true, documents_uploaded = true } })
act(c, "sign_off_closure", { as = "fhtm", at = "2026-03-18T11:00:00Z" })
act(c, "send_closure_letter", { as = "ehp", at = "2026-03-19T10:00:00Z", input = { sent_on = "2026-03-19" } })
expect_state(c, "closed", "L1714: closed once the closure letter is sent")
