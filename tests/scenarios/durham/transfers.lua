-- Durham: change of Lead Professional within One Point (L1605-1657): IFST
-- families stepped down to the Family Hub and Family Hub families stepped up
-- to the IFS Team, each with the joint home visit within 5 working days of
-- the new worker's allocation (met and breached). Winter: 23:59:59Z.
scenario "Durham: IFST and Family Hub transfers" {
  authority = "durham",
  start = "2026-02-02T09:00:00Z",   -- Monday
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    skw = { "senior_key_worker", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
    fhtm = { "fhtm", team = "family_hub" },
    ehp = { "ehp", team = "family_hub" },
    coord = { "team_coordinator", team = "ifst" },
  },
}

local function child(id) return { { id = id, name = id, role = "child", dob = "2012-12-12" } } end

local function ifst_case(name)
  local id = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
    data = { family_name = name, requester = "professional", reason = "complex needs" }, members = child(name) }
  add_record(id, "mo_case_note", { as = "sehtw", fields = { note = "IFST" } })
  act(id, "triage_allocate_ifst", { as = "ehtw", input = { complex_needs = true } })
  add_record(id, "timeline", { as = "tm", fields = { initial_case_summary = "summary" } })
  act(id, "allocate_key_worker", { as = "tm", input = { key_worker = user_id "kw", expected_assessment_working_days = 20, discussion_and_actions = "visit" } })
  add_record(id, "initial_checks", { as = "kw", fields = { pvp_register_checked = true, rapid_completed = true } })
  act(id, "record_consent", { as = "kw" })
  act(id, "hold_initial_taf", { as = "kw", input = { held_on = "2026-02-02", attendance_recorded = true, next_meeting_at = "2026-03-02T10:00:00Z" } })
  act(id, "submit_assessment", { as = "kw", input = { analysis = "a", home_visit = true, direct_communication_with_children = true } })
  act(id, "sign_off_assessment", { as = "tm", input = { family_seen_assessment = true } })
  return id
end

local function fh_case(name)
  local id = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
    data = { family_name = name, requester = "parent", reason = "parenting" }, members = child(name) }
  act(id, "triage_allocate_fh", { as = "ehtw" })
  act(id, "allocate_ehp", { as = "fhtm", input = { ehp = user_id "ehp", discussion_and_actions = "visit" } })
  add_record(id, "initial_checks", { as = "ehp", fields = { pvp_register_checked = true, rapid_completed = true } })
  act(id, "record_fh_consent", { as = "ehp" })
  act(id, "submit_fh_assessment", { as = "ehp", input = { reason_for_contact = "r", detailed_notes = "d", analysis = "a", heat_date = "2026-02-02", voice_of_child = "v" } })
  act(id, "finalise_fh_assessment", { as = "fhtm", input = { family_seen_assessment = true } })
  add_record(id, "family_plan", { as = "ehp", fields = { worry_statement = "w", wellbeing_goal = "g", exit_plan = "e" } })
  act(id, "authorise_family_plan", { as = "fhtm" })
  return id
end

-- Step-down IFST -> Family Hub on day `day` (a late request accepted, L1545).
local function step_down(id, day)
  act(id, "propose_step_down_to_fh", { as = "kw", at = day .. "T10:00:00Z", input = { to_team = "Family Hub", request_reason = "Less intensive support" } })
  act(id, "agree_step_down", { as = "skw", at = day .. "T10:10:00Z", input = { taf_members_discussed = true } })
  act(id, "step_down_meeting_decision", { as = "tm", at = day .. "T10:20:00Z", input = {
    outcome = "agreed", outstanding_plan_elements = "Routines", late_request_accepted = true, meeting_date = day, team = "Family Hub" } })
  act(id, "fhtm_confirm_step_down", { as = "fhtm", at = day .. "T10:30:00Z", input = { taf_and_family_agreed = true } })
  act(id, "transfer_to_fh", { as = "tm", at = day .. "T10:40:00Z", input = { family_consents = true } })
end

-- Step-up Family Hub -> IFST on day `day` (a late request accepted, L1545).
local function step_up(id, day)
  act(id, "request_step_up_to_ifst", { as = "fhtm", at = day .. "T10:00:00Z", input = { assessment_and_plan_reviewed = true, to_team = "IFST", request_reason = "Escalating needs" } })
  act(id, "step_up_meeting_decision", { as = "tm", at = day .. "T10:20:00Z", input = {
    outcome = "agreed", late_request_accepted = true, meeting_date = day, team = "IFST" } })
  act(id, "transfer_to_ifst", { as = "fhtm", at = day .. "T10:40:00Z", input = { family_consents = true } })
end

-- T1: IFST -> Family Hub, joint visit on time.
local t1 = ifst_case("Reed")
act(t1, "propose_step_down_to_fh", { as = "kw", at = "2026-02-02T10:00:00Z", input = { to_team = "Family Hub", request_reason = "Goals mostly met" } })
expect_state(t1, "step_down_to_fh_pending", "L1613: discussed at the weekly Step Up/Step Down meeting")
refuse(t1, "transfer_to_fh", { as = "tm", at = "2026-02-02T10:15:00Z", input = { family_consents = true } },
  "guard_failed", "L1609: discussed with the TAF members, then agreed by the IFS TM or SKW")
refuse(t1, "agree_step_down", { as = "kw", at = "2026-02-02T10:30:00Z", input = { taf_members_discussed = true } },
  "wrong_role", "L1609: agreed by the IFS Team Manager or Senior Key Worker")
act(t1, "agree_step_down", { as = "skw", at = "2026-02-02T11:00:00Z", input = { taf_members_discussed = true } })
act(t1, "circulate_request_form", { as = "coord", at = "2026-02-02T12:00:00Z" })
act(t1, "step_down_meeting_decision", { as = "tm", at = "2026-02-03T10:00:00Z", input = {
  outcome = "agreed", outstanding_plan_elements = "Bedtime routine", fh_offer = "6 weeks 1:1", meeting_date = "2026-02-03", team = "Family Hub" } })
refuse(t1, "fhtm_confirm_step_down", { as = "fhtm", at = "2026-02-03T10:30:00Z", input = { taf_and_family_agreed = false } },
  "guard_failed", "L1617: FHTM confirms the TAF members and the family agreed")
act(t1, "fhtm_confirm_step_down", { as = "fhtm", at = "2026-02-03T11:00:00Z", input = { taf_and_family_agreed = true } })
refuse(t1, "transfer_to_fh", { as = "tm", at = "2026-02-03T11:30:00Z", input = { family_consents = false } },
  "guard_failed", "L1587: the family understand and consent to stepping down")
act(t1, "transfer_to_fh", { as = "tm", at = "2026-02-03T12:00:00Z", input = { family_consents = true } })
expect_state(t1, "fh_awaiting_allocation", "L1633: transferred to the Family Hub Team Manager who will then allocate")
expect_timescale(t1, "T17_child_seen_20wd", { member = "Reed", status = "cancelled" }, "L1633: the IFST visit clock stops at the transfer")
-- Tue 3 Feb + 7 working days = Thu 12 Feb.
expect_timescale(t1, "T07_fh_allocation_7wd", { status = "pending", due = "2026-02-12" }, "L599")
act(t1, "allocate_ehp", { as = "fhtm", at = "2026-02-04T10:00:00Z", input = { ehp = user_id "ehp", discussion_and_actions = "Joint visit with KW" } })
expect_state(t1, "fh_transfer_allocated", "L1637: new worker and IFS KW to visit jointly")
-- Wed 4 Feb + 5 working days = Wed 11 Feb.
expect_timescale(t1, "T38_step_down_joint_visit_5wd", { status = "pending", due = "2026-02-11" }, "L1637: joint home visit within 5 working days")
refuse(t1, "record_fh_consent", { as = "ehp", at = "2026-02-05T10:00:00Z" }, "wrong_state",
  "L1637: the family meets the new worker at the joint home visit first")
act(t1, "transfer_joint_home_visit", { as = "ehp", at = "2026-02-09T10:00:00Z", input = { previous_worker = "Key Worker" } })
expect_state(t1, "fh_allocated", "L1619: the Family Hub offers a time-limited piece of work")
expect_timescale(t1, "T38_step_down_joint_visit_5wd", { status = "met" }, "L1637")

-- T2: IFST -> Family Hub, joint visit late.
local t2 = ifst_case("Shaw")
step_down(t2, "2026-02-09")
act(t2, "allocate_ehp", { as = "fhtm", at = "2026-02-10T10:00:00Z", input = { ehp = user_id "ehp", discussion_and_actions = "x" } })
-- Tue 10 Feb + 5 working days = Tue 17 Feb.
at "2026-02-18T09:00:00Z"
expect_timescale(t2, "T38_step_down_joint_visit_5wd", { status = "breached", due = "2026-02-17" }, "L1637: no joint visit within 5 working days")
act(t2, "transfer_joint_home_visit", { as = "ehp", at = "2026-02-18T10:00:00Z", input = { previous_worker = "Key Worker" } })
expect_timescale(t2, "T38_step_down_joint_visit_5wd", { status = "met_late" }, "L1637")

-- T3: Family Hub -> IFST, joint visit on time.
local t3 = fh_case("Todd")
act(t3, "request_step_up_to_ifst", { as = "fhtm", at = "2026-02-18T11:00:00Z", input = { assessment_and_plan_reviewed = true, to_team = "IFST", request_reason = "Needs escalating" } })
expect_state(t3, "fh_step_up_to_ifst_pending", "L1649: the FHTM follows the Step-Up procedures")
act(t3, "circulate_request_form", { as = "coord", at = "2026-02-18T12:00:00Z" })
act(t3, "step_up_meeting_decision", { as = "tm", at = "2026-02-19T10:00:00Z", input = { outcome = "agreed", meeting_date = "2026-02-19", team = "IFST" } })
act(t3, "transfer_to_ifst", { as = "fhtm", at = "2026-02-19T11:00:00Z", input = { family_consents = true } })
expect_state(t3, "ifst_awaiting_allocation", "L1653: transferred to the IFS Team Manager")
expect_timescale(t3, "T26_fh_six_week_review", { status = "cancelled" }, "L1653: the Family Hub review clock stops at the transfer")
-- Thu 19 Feb + 2 working days = Mon 23 Feb.
expect_timescale(t3, "T06_ifst_allocation_2wd", { status = "pending", due = "2026-02-23" }, "L476")
add_record(t3, "timeline", { as = "skw", at = "2026-02-20T09:00:00Z", fields = { initial_case_summary = "Stepped up from FH" } })
act(t3, "allocate_key_worker", { as = "skw", at = "2026-02-20T10:00:00Z", input = { key_worker = user_id "kw", expected_assessment_working_days = 25, discussion_and_actions = "Joint visit with EHP" } })
expect_state(t3, "ifst_transfer_allocated", "L1657")
-- Fri 20 Feb + 5 working days = Fri 27 Feb.
expect_timescale(t3, "T39_step_up_joint_visit_5wd", { status = "pending", due = "2026-02-27" }, "L1657: joint home visit within five working days")
act(t3, "transfer_joint_home_visit", { as = "kw", at = "2026-02-24T10:00:00Z", input = { previous_worker = "EHP" } })
expect_state(t3, "ifst_allocated", "L1657: the new lead takes the family on")
expect_timescale(t3, "T39_step_up_joint_visit_5wd", { status = "met" }, "L1657")

-- T4: Family Hub -> IFST, joint visit late.
local t4 = fh_case("Usher")
step_up(t4, "2026-02-24")
add_record(t4, "timeline", { as = "tm", at = "2026-02-25T09:00:00Z", fields = { initial_case_summary = "Stepped up" } })
act(t4, "allocate_key_worker", { as = "tm", at = "2026-02-25T10:00:00Z", input = { key_worker = user_id "kw", expected_assessment_working_days = 28, discussion_and_actions = "x" } })
-- Wed 25 Feb + 5 working days = Wed 4 Mar.
at "2026-03-05T09:00:00Z"
expect_timescale(t4, "T39_step_up_joint_visit_5wd", { status = "breached", due = "2026-03-04" }, "L1657: no joint visit within five working days")
act(t4, "transfer_joint_home_visit", { as = "kw", at = "2026-03-05T10:00:00Z", input = { previous_worker = "EHP" } })
expect_timescale(t4, "T39_step_up_joint_visit_5wd", { status = "met_late" }, "L1657")

-- T5: a group-programme family has no finalised assessment: it cannot go to the Step-Up Meeting.
local t5 = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Vance", requester = "parent", reason = "parenting group" }, members = child("Vance") }
act(t5, "triage_allocate_fh", { as = "ehtw" })
act(t5, "allocate_ehp", { as = "fhtm", input = { ehp = user_id "ehp", discussion_and_actions = "group" } })
add_record(t5, "initial_checks", { as = "ehp", fields = { pvp_register_checked = true, rapid_completed = true } })
act(t5, "record_fh_consent", { as = "ehp" })
refuse(t5, "propose_group_response", { as = "ehp", at = "2026-03-05T11:00:00Z", input = { fhtm_agreed = false } },
  "guard_failed", "L820: decide in conjunction with your FHTM")
act(t5, "propose_group_response", { as = "ehp", at = "2026-03-05T11:30:00Z", input = { fhtm_agreed = true } })
expect_state(t5, "fh_group_programme", "L824: no further assessment will be required")
expect_timescale(t5, "T15_fh_assessment_submitted_15wd", { status = "cancelled" }, "L824")
act(t5, "fh_case_review", { as = "fhtm", at = "2026-03-06T10:00:00Z", input = { review_outcome = "step_up_meeting", discussion = "May need IFST" } })
act(t5, "request_step_up_to_ifst", { as = "fhtm", at = "2026-03-06T11:00:00Z", input = { assessment_and_plan_reviewed = true, to_team = "IFST", request_reason = "x" } })
refuse(t5, "step_up_meeting_decision", { as = "tm", at = "2026-03-06T12:00:00Z", input = { outcome = "agreed", late_request_accepted = true, meeting_date = "2026-03-06", team = "IFST" } },
  "guard_failed", "L1653: the Assessment is finalised prior to the Step-Up Meeting")
