-- Durham: every kind of refusal (wrong_role, wrong_state, case_closed,
-- invalid_input, guard_failed, missing_record), each citing the rule it
-- enforces, plus the non-engagement process and a consent refusal.
scenario "Durham: refusals and guards" {
  authority = "durham",
  start = "2026-03-02T09:00:00Z",   -- Monday
  users = {
    fco = { "first_contact_officer", team = "first_contact" },
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    skw = { "senior_key_worker", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
    kw2 = { "key_worker", team = "ifst" },
    fw = { "family_worker", team = "ifst" },
    fhtm = { "fhtm", team = "family_hub" },
    ehp = { "ehp", team = "family_hub" },
  },
}

local function child(id) return { { id = id, name = id, role = "child", dob = "2014-02-02" } } end

-- R1: front door.
local r1 = open_case { workflow = "one_point", as = "fco",
  data = { family_name = "Adams", requester = "safeguarding_referral", reason = "police notification" }, members = child("r1") }
refuse(r1, "fc_redirect_to_eh", { as = "fco", at = "2026-03-02T10:00:00Z" }, "guard_failed",
  "L378: safeguarding referrals triaged as early help are transferred only if consent obtained")
refuse(r1, "fc_redirect_to_eh", { as = "ehtw", at = "2026-03-02T10:05:00Z", input = { consent_obtained = true } }, "wrong_role",
  "L445: the First Contact Officer re-directs to Early Help Triage")
refuse(r1, "triage_resolve", { as = "ehtw", at = "2026-03-02T10:10:00Z", input = { outcome = "x" } }, "wrong_state",
  "L447: triage outcomes apply in Early Help Triage only")
act(r1, "fc_redirect_to_eh", { as = "fco", at = "2026-03-02T10:30:00Z", input = { consent_obtained = true } })
refuse(r1, "triage_refer_lehc", { as = "ehtw", at = "2026-03-02T11:00:00Z" }, "guard_failed",
  "L447: Locality Early Help Conversation for professional requests only")
refuse(r1, "triage_allocate_ifst", { as = "ehtw", at = "2026-03-02T11:10:00Z", input = { complex_needs = true } }, "missing_record",
  "L374: EHTW allocates to the IFS tray with management oversight")
refuse(r1, "triage_allocate_ifst", { as = "ehtw", at = "2026-03-02T11:15:00Z", input = { complex_needs = false } }, "guard_failed",
  "L374: where needs are complex and require intensive support")
refuse(r1, "allocate_key_worker", { as = "tm", at = "2026-03-02T11:20:00Z", input = { key_worker = user_id "kw", expected_assessment_working_days = 20, discussion_and_actions = "x" } },
  "wrong_state", "L476: allocation from the IFS Team Tray only")
refuse(r1, "triage_resolve", { as = "fco", at = "2026-03-02T11:25:00Z", input = { outcome = "x" } }, "wrong_role",
  "L447: the Early Help Triage Worker resolves")
act(r1, "triage_resolve", { as = "ehtw", at = "2026-03-02T11:30:00Z", input = { outcome = "Advice given" } })
expect_state(r1, "closed_at_triage", "L447: resolved at triage")
refuse(r1, "triage_redirect", { as = "ehtw", at = "2026-03-02T11:40:00Z", input = { redirected_to = "school" } }, "case_closed",
  "L447: a resolved request is closed")
refuse(r1, "add_record", { as = "ehtw", at = "2026-03-02T11:45:00Z", type = "case_note", fields = { summary = "late note" } }, "case_closed",
  "L447: nothing is added to a closed request")

-- R2: Key Worker allocation: input, Timeline and caseload (L476-490).
local big = {}
for i = 1, 26 do big[i] = { id = "k" .. i, name = "Kid " .. i, role = "child", dob = "2012-01-01" } end
local r2 = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Big", requester = "professional", reason = "complex" }, members = big }
add_record(r2, "mo_case_note", { as = "sehtw", fields = { note = "IFST" } })
act(r2, "triage_allocate_ifst", { as = "ehtw", input = { complex_needs = true } })
refuse(r2, "allocate_key_worker", { as = "tm", at = "2026-03-02T12:00:00Z", input = { key_worker = user_id "kw", expected_assessment_working_days = 20 } },
  "invalid_input", "L482: the Allocation Summary records discussion and actions")
refuse(r2, "allocate_key_worker", { as = "tm", at = "2026-03-02T12:05:00Z", input = { key_worker = user_id "kw", expected_assessment_working_days = "twenty", discussion_and_actions = "x" } },
  "invalid_input", "L685: the expected timescale is a number of working days")
refuse(r2, "allocate_key_worker", { as = "tm", at = "2026-03-02T12:10:00Z", input = { key_worker = user_id "kw", expected_assessment_working_days = 30, discussion_and_actions = "x" } },
  "invalid_input", "L685: no more than 28 working days")
refuse(r2, "allocate_key_worker", { as = "tm", at = "2026-03-02T12:15:00Z", input = { key_worker = user_id "fw", expected_assessment_working_days = 20, discussion_and_actions = "x" } },
  "invalid_input", "L476: allocated to a Key Worker")
refuse(r2, "allocate_key_worker", { as = "tm", at = "2026-03-02T12:20:00Z", input = { key_worker = user_id "kw", expected_assessment_working_days = 20, discussion_and_actions = "x" } },
  "guard_failed", "L490: a caseload of approximately 25 children")
refuse(r2, "allocate_key_worker", { as = "tm", at = "2026-03-02T12:25:00Z", input = {
  key_worker = user_id "kw2", expected_assessment_working_days = 20, discussion_and_actions = "x", caseload_override_reason = "One family" } },
  "missing_record", "L477: the initial case summary on the Timeline")
refuse(r2, "add_record", { as = "kw", at = "2026-03-02T12:26:00Z", type = "timeline", fields = { initial_case_summary = "x" } }, "wrong_role",
  "L477: the IFST TM/SKW records the Timeline")
add_record(r2, "timeline", { as = "tm", at = "2026-03-02T12:30:00Z", fields = { initial_case_summary = "26 children" } })
act(r2, "allocate_key_worker", { as = "skw", at = "2026-03-02T12:40:00Z", input = {
  key_worker = user_id "kw2", expected_assessment_working_days = 20, discussion_and_actions = "Whole-family work; FW support",
  caseload_override_reason = "One family; Family Worker support agreed" } })
expect_assigned(r2, "kw2", "L490: 'where possible' - the manager records why")
refuse(r2, "record_consent", { as = "kw2", at = "2026-03-02T13:00:00Z" }, "missing_record",
  "L502-503: PVP register and RAPID risk assessment before the home visit")
refuse(r2, "record_consent", { as = "kw", at = "2026-03-02T13:05:00Z" }, "wrong_role", "L488: the allocated Key Worker")

-- R3: IFST plan, TAFs, non-engagement and closure.
local r3 = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Baker", requester = "professional", reason = "complex" }, members = child("r3") }
add_record(r3, "mo_case_note", { as = "sehtw", fields = { note = "IFST" } })
act(r3, "triage_allocate_ifst", { as = "ehtw", input = { complex_needs = true } })
add_record(r3, "timeline", { as = "tm", fields = { initial_case_summary = "x" } })
act(r3, "allocate_key_worker", { as = "tm", input = { key_worker = user_id "kw", expected_assessment_working_days = 20, discussion_and_actions = "x" } })
add_record(r3, "initial_checks", { as = "kw", fields = { pvp_register_checked = true, rapid_completed = true } })
act(r3, "record_consent", { as = "kw", at = "2026-03-03T10:00:00Z" })
refuse(r3, "hold_taf", { as = "kw", at = "2026-03-03T10:30:00Z", input = { held_on = "2026-03-03", attendance_recorded = true, next_meeting_at = "2026-03-31T10:00:00Z" } },
  "guard_failed", "L1257: the initial TAF comes first")
refuse(r3, "submit_assessment", { as = "kw", at = "2026-03-03T11:00:00Z", input = { analysis = "a", home_visit = true, direct_communication_with_children = true } },
  "guard_failed", "L1226: a TAF must take place during the assessment period")
act(r3, "hold_initial_taf", { as = "kw", at = "2026-03-04T10:00:00Z", input = { held_on = "2026-03-04", attendance_recorded = true, next_meeting_at = "2026-03-25T10:00:00Z" } })
refuse(r3, "hold_initial_taf", { as = "kw", at = "2026-03-04T10:30:00Z", input = { held_on = "2026-03-04", attendance_recorded = true, next_meeting_at = "2026-03-25T10:00:00Z" } },
  "guard_failed", "L1257: there is one initial TAF")
refuse(r3, "submit_assessment", { as = "kw", at = "2026-03-05T10:00:00Z", input = { analysis = "a", home_visit = false, direct_communication_with_children = true } },
  "guard_failed", "L679: all assessments must include a visit to the family home")
act(r3, "submit_assessment", { as = "kw", at = "2026-03-05T10:30:00Z", input = { analysis = "a", home_visit = true, direct_communication_with_children = true } })
act(r3, "return_assessment", { as = "skw", at = "2026-03-05T14:00:00Z", input = { feedback = "Add the genogram" } })
expect_state(r3, "ifst_assessment", "L685: manager quality assurance returns the assessment")
act(r3, "submit_assessment", { as = "kw", at = "2026-03-06T10:00:00Z", input = { analysis = "a + genogram", home_visit = true, direct_communication_with_children = true } })
refuse(r3, "sign_off_assessment", { as = "kw", at = "2026-03-06T11:00:00Z", input = { family_seen_assessment = true } }, "wrong_role",
  "L758: manager sign off")
refuse(r3, "sign_off_assessment", { as = "tm", at = "2026-03-06T11:10:00Z", input = { family_seen_assessment = false } }, "guard_failed",
  "L758: the family should have seen the assessment prior to manager sign off")
act(r3, "sign_off_assessment", { as = "tm", at = "2026-03-06T11:30:00Z", input = { family_seen_assessment = true } })
refuse(r3, "hold_taf", { as = "fw", at = "2026-03-09T10:00:00Z", input = { held_on = "2026-03-09", attendance_recorded = true, next_meeting_at = "2026-03-30T10:00:00Z" } },
  "wrong_role", "L1269: Family Workers are not expected to 'deputise' for Key Workers")
act(r3, "hold_taf", { as = "kw", at = "2026-03-09T10:00:00Z", input = { held_on = "2026-03-09", attendance_recorded = true, next_meeting_at = "2026-03-30T10:00:00Z" } })
refuse(r3, "hold_taf", { as = "kw", at = "2026-03-30T10:00:00Z", input = { held_on = "2026-03-30", attendance_recorded = true, next_meeting_at = "2026-04-20T10:00:00Z" } },
  "guard_failed", "L1307: an OPS manager attends every third TAF")
act(r3, "hold_taf", { as = "kw", at = "2026-03-30T10:30:00Z", input = { held_on = "2026-03-30", attendance_recorded = true, next_meeting_at = "2026-04-20T10:00:00Z", manager_attended = true } })
refuse(r3, "circulate_family_plan", { as = "kw", at = "2026-03-31T10:00:00Z", input = { circulated_to = "TAF", family_consent_to_share = false } },
  "guard_failed", "L1007: shared with TAF members with family consent")
refuse(r3, "hold_taf", { as = "kw", at = "2026-03-31T10:05:00Z", input = { held_on = "2026-03-31", attendance_recorded = true, next_meeting_at = "sometime" } },
  "invalid_input", "L1291: date and time of the next meeting")
act(r3, "significant_change", { as = "tm", at = "2026-03-31T11:00:00Z", input = { change = "New partner moved in" } })
act(r3, "review_assessment", { as = "kw", at = "2026-04-01T10:00:00Z", input = { kind = "second_or_subsequent", summary = "Partner assessed" } })
refuse(r3, "raise_non_engagement", { as = "kw", at = "2026-04-02T10:00:00Z", input = { trigger = "three_missed_appointments" } },
  "guard_failed", "L1180: three missed planned appointments")
act(r3, "record_missed_appointment", { as = "kw", at = "2026-04-02T11:00:00Z" })
act(r3, "record_missed_appointment", { as = "kw", at = "2026-04-07T11:00:00Z" })
act(r3, "record_missed_appointment", { as = "kw", at = "2026-04-08T11:00:00Z" })
act(r3, "raise_non_engagement", { as = "kw", at = "2026-04-08T12:00:00Z", input = { trigger = "three_missed_appointments" } })
expect_state(r3, "ifst_non_engagement", "L1176: discuss concerns with a manager")
refuse(r3, "professionals_meeting", { as = "kw", at = "2026-04-09T10:00:00Z", input = { safeguarding_concerns = "bruise", family_notified = false } },
  "guard_failed", "L1208: notify the family and welcome their attendance")
act(r3, "professionals_meeting", { as = "kw", at = "2026-04-09T11:00:00Z", input = { safeguarding_concerns = "bruise", family_notified = true } })
act(r3, "engagement_restored", { as = "skw", at = "2026-04-10T10:00:00Z" })
expect_state(r3, "ifst_intervention", "L1186: manager discusses the engagement activities")
expect_data(r3, "missed_appointments", 0, "L1180: the count restarts after the manager discussion [INF]")
act(r3, "raise_non_engagement", { as = "tm", at = "2026-04-13T10:00:00Z", input = { trigger = "management_checkpoint" } })
refuse(r3, "non_engagement_outcome", { as = "tm", at = "2026-04-13T11:00:00Z", input = { outcome = "closure" } }, "missing_record",
  "L1166: Step 3 Case Management Supervision before Step 4 Closure / Step Up")
refuse(r3, "non_engagement_outcome", { as = "kw", at = "2026-04-13T11:05:00Z", input = { outcome = "closure" } }, "wrong_role",
  "L1170: Closure / Step Up decided by the manager [INF]")
add_record(r3, "case_supervision_form", { as = "tm", at = "2026-04-13T11:10:00Z", fields = { discussion = "Harm Matrix: impact low; close with plan" } })
act(r3, "non_engagement_outcome", { as = "tm", at = "2026-04-13T11:30:00Z", input = { outcome = "closure" } })
expect_state(r3, "closure_proposed", "L1170: Step 4 Closure")
refuse(r3, "confirm_closure_date", { as = "tm", at = "2026-04-14T10:00:00Z", input = { closure_date = "2026-04-24" } }, "guard_failed",
  "L1673: the TAF has discussed the possible closure with the family")
refuse(r3, "taf_agrees_closure", { as = "kw", at = "2026-04-14T10:05:00Z", input = { potential_closure_date = "2026-04-24", taf_discussed_with_family = false } },
  "guard_failed", "L1673")
act(r3, "taf_agrees_closure", { as = "kw", at = "2026-04-14T10:30:00Z", input = { potential_closure_date = "2026-04-24", taf_discussed_with_family = true } })
refuse(r3, "agree_fh_closure", { as = "fhtm", at = "2026-04-14T10:40:00Z", input = { closure_date = "2026-04-24" } }, "guard_failed",
  "L1678: the FHTM agrees closure for Family Hub families")
act(r3, "confirm_closure_date", { as = "tm", at = "2026-04-14T11:00:00Z", input = { closure_date = "2026-04-24" } })
act(r3, "request_closure", { as = "kw", at = "2026-04-15T10:00:00Z" })
refuse(r3, "sign_off_closure", { as = "kw", at = "2026-04-15T11:00:00Z" }, "wrong_role", "L1712: the manager signs the case off")
refuse(r3, "sign_off_closure", { as = "tm", at = "2026-04-15T11:05:00Z" }, "guard_failed",
  "L1708: outcomes section and recordings checked before sign off")
add_record(r3, "closure_checklist", { as = "tm", at = "2026-04-15T11:10:00Z", fields = { outcomes_section_checked = true, recordings_up_to_date = true, documents_uploaded = false } })
refuse(r3, "sign_off_closure", { as = "tm", at = "2026-04-15T11:15:00Z" }, "guard_failed",
  "L1710: all relevant documents complete and uploaded")
add_record(r3, "closure_checklist", { as = "tm", at = "2026-04-15T11:20:00Z", fields = { outcomes_section_checked = true, recordings_up_to_date = true, documents_uploaded = true } })
refuse(r3, "sign_off_closure", { as = "tm", at = "2026-04-15T11:25:00Z" }, "missing_record",
  "L1673: not closed until there is evidence of a Family Survey offered")
act(r3, "reject_closure", { as = "tm", at = "2026-04-15T11:30:00Z", input = { reason = "Family Survey not evidenced" } })
expect_state(r3, "closure_pending_request", "L1708: returned to the worker [INF]")
act(r3, "record_survey_sent", { as = "kw", at = "2026-04-16T10:00:00Z", input = { sent_on = "2026-04-16", recipients = "Mum" } })
act(r3, "request_closure", { as = "kw", at = "2026-04-16T10:30:00Z" })
act(r3, "sign_off_closure", { as = "skw", at = "2026-04-16T11:00:00Z" })
refuse(r3, "send_closure_letter", { as = "tm", at = "2026-04-16T12:00:00Z", input = { sent_on = "2026-04-16" } }, "wrong_role",
  "L1714: the closure letter is the responsibility of the KW/EHP/EWBW")
act(r3, "send_closure_letter", { as = "kw", at = "2026-04-17T10:00:00Z", input = { sent_on = "2026-04-17" } })
expect_state(r3, "closed", "L1714")
refuse(r3, "propose_closure", { as = "kw", at = "2026-04-17T11:00:00Z", input = { reason = "x" } }, "case_closed", "L1712: signed off and closed")

-- R4: Family Hub plan authorisation and reviews.
local r4 = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Cole", requester = "parent", reason = "routines" }, members = child("r4") }
act(r4, "triage_allocate_fh", { as = "ehtw" })
refuse(r4, "allocate_ehp", { as = "tm", at = "2026-04-17T12:00:00Z", input = { ehp = user_id "ehp", discussion_and_actions = "x" } }, "wrong_role",
  "L599: the Family Hub Team Manager allocates")
act(r4, "allocate_ehp", { as = "fhtm", at = "2026-04-17T12:10:00Z", input = { ehp = user_id "ehp", discussion_and_actions = "x" } })
add_record(r4, "initial_checks", { as = "ehp", fields = { pvp_register_checked = true, rapid_completed = true } })
act(r4, "record_fh_consent", { as = "ehp", at = "2026-04-20T10:00:00Z" })
refuse(r4, "submit_fh_assessment", { as = "ehp", at = "2026-04-21T10:00:00Z", input = { reason_for_contact = "r", detailed_notes = "d", analysis = "a", voice_of_child = "v" } },
  "invalid_input", "L842: HEAT is a mandatory tool")
act(r4, "submit_fh_assessment", { as = "ehp", at = "2026-04-21T10:30:00Z", input = { reason_for_contact = "r", detailed_notes = "d", analysis = "a", heat_date = "2026-04-20", voice_of_child = "v" } })
refuse(r4, "finalise_fh_assessment", { as = "fhtm", at = "2026-04-22T10:00:00Z", input = { family_seen_assessment = false } }, "guard_failed",
  "L878: check the family have already had sight of the assessment")
act(r4, "finalise_fh_assessment", { as = "fhtm", at = "2026-04-22T10:30:00Z", input = { family_seen_assessment = true } })
refuse(r4, "authorise_family_plan", { as = "fhtm", at = "2026-04-22T11:00:00Z" }, "missing_record",
  "L649: the Family Plan is completed by the practitioner and sent to the FHTM")
act(r4, "update_family_plan", { as = "ehp", at = "2026-04-22T12:00:00Z", input = { worry_statement = "w", wellbeing_goal = "g", exit_plan = "e", time_limit = "6 weeks" } })
refuse(r4, "authorise_family_plan", { as = "ehp", at = "2026-04-22T12:30:00Z" }, "wrong_role",
  "L649: the plan is authorised by the Family Hub Team Manager only")
act(r4, "authorise_family_plan", { as = "fhtm", at = "2026-04-22T13:00:00Z" })
refuse(r4, "extend_fh_support", { as = "fhtm", at = "2026-04-23T10:00:00Z", input = { other_options_explored = true, step_down_considered = false } },
  "guard_failed", "L1013: consideration given to step-down to another agency")
refuse(r4, "establish_taf", { as = "ehp", at = "2026-04-23T10:10:00Z", input = { manager_agreed = false } }, "guard_failed",
  "L1120: a TAF considered in discussion with the manager")
act(r4, "restart_family_plan", { as = "ehp", at = "2026-04-23T11:00:00Z", input = { change = "Dad moved out" } })
expect_state(r4, "fh_plan_pending", "L1015: restarted and sent for authorisation")
act(r4, "authorise_family_plan", { as = "fhtm", at = "2026-04-23T12:00:00Z" })
act(r4, "record_non_engagement_toolkit", { as = "ehp", at = "2026-04-24T10:00:00Z", input = { summary = "Missed two sessions" } })
act(r4, "propose_closure", { as = "ehp", at = "2026-04-27T10:00:00Z", input = { reason = "Disengaged" } })
refuse(r4, "agree_fh_closure", { as = "fhtm", at = "2026-04-27T10:30:00Z", input = { closure_date = "2026-05-01" } }, "guard_failed",
  "L1680: the decision to close is recorded on a case supervision form or an MO case note")
refuse(r4, "confirm_closure_date", { as = "tm", at = "2026-04-27T10:40:00Z", input = { closure_date = "2026-05-01" } }, "guard_failed",
  "L1673: the IFST closure route is for IFST families")

-- R5: the family does not consent [INF]: closed through manager sign-off.
local r5 = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Dean", requester = "parent", reason = "routines" }, members = child("r5") }
act(r5, "triage_allocate_fh", { as = "ehtw" })
act(r5, "allocate_ehp", { as = "fhtm", input = { ehp = user_id "ehp", discussion_and_actions = "x" } })
act(r5, "consent_refused", { as = "ehp", at = "2026-04-28T10:00:00Z", input = { reason = "Family declined" } })
expect_state(r5, "closure_pending_signoff", "L617 [INF] spec §8.13: consent refusal closes via manager sign-off")
expect_timescale(r5, "T14_fh_consent_10wd", { status = "cancelled" }, "L617")
