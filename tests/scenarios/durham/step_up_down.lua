-- Durham: step-up to statutory services through the weekly Step Up/Down
-- meeting (request form 1 working day before, family consent, case note on
-- the day), a late request accepted at the managers' discretion, a meeting
-- that does not agree, the immediate route for significant harm, and
-- step-down into One Point from Families First and YPS. Winter: 23:59:59Z.
scenario "Durham: step-up and step-down with statutory services" {
  authority = "durham",
  start = "2026-02-02T09:00:00Z",   -- Monday
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    skw = { "senior_key_worker", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
    fw = { "family_worker", team = "ifst" },
    fhtm = { "fhtm", team = "family_hub" },
    ehp = { "ehp", team = "family_hub" },
    coord = { "team_coordinator", team = "ifst" },
    ffm = { "families_first_manager", team = "ifst" },
    ypsm = { "yps_cwd_manager", team = "ifst" },
  },
}

local function child(id) return { { id = id, name = id, role = "child", dob = "2013-04-04" } } end

-- An IFST family in the plan-and-review stage.
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

-- S1: step-up through the weekly meeting.
local s1 = ifst_case("Jones")
expect_state(s1, "ifst_intervention", "L1007")
act(s1, "request_step_up", { as = "kw", at = "2026-02-03T10:00:00Z", input = { to_team = "Families First", request_reason = "Escalating neglect" } })
expect_state(s1, "step_up_requested", "L1539: Step Up/Step Down Request Form submitted to the manager")
refuse(s1, "circulate_request_form", { as = "kw", at = "2026-02-03T10:30:00Z" }, "wrong_role", "L1543: the Team Coordinator circulates the form")
act(s1, "circulate_request_form", { as = "coord", at = "2026-02-03T11:00:00Z" })
expect_data(s1, "form_circulated_on", "2026-02-03", "L1543")
refuse(s1, "meeting_agrees_step_up", { as = "tm", at = "2026-02-03T14:00:00Z", input = { family_consents = true, meeting_date = "2026-02-03", team = "Families First" } },
  "guard_failed", "L1543: the form must be circulated 1 working day prior to the meeting")
refuse(s1, "meeting_agrees_step_up", { as = "tm", at = "2026-02-04T10:00:00Z", input = { family_consents = false, meeting_date = "2026-02-04", team = "Families First" } },
  "guard_failed", "L1587: the family must understand and consent to stepping up")
refuse(s1, "meeting_agrees_step_up", { as = "tm", at = "2026-02-04T10:05:00Z", input = { family_consents = true, meeting_date = "2026-02-03", team = "Families First" } },
  "guard_failed", "L1567: case note on the day of the meeting")
refuse(s1, "meeting_agrees_step_up", { as = "tm", at = "2026-02-04T10:10:00Z", input = { family_consents = "yes", meeting_date = "2026-02-04", team = "Families First" } },
  "invalid_input", "L1587: consent is a yes/no field")
act(s1, "meeting_agrees_step_up", { as = "tm", at = "2026-02-04T10:30:00Z", input = { family_consents = true, meeting_date = "2026-02-04", team = "Families First" } })
expect_state(s1, "step_up_agreed", "L1525: the weekly meeting agrees a course of action")
expect_records(s1, "step_up_down_case_note", 1, "L1567: 'Family discussion took place on (date) at the Step Up/Step Down meeting'")
-- Wed 4 Feb + 1 working day = Thu 5 Feb.
expect_timescale(s1, "T36_step_up_process_1wd", { status = "pending", due = "2026-02-05" }, "L1563: Case Step Up Process within one working day")
refuse(s1, "initiate_step_up_process", { as = "kw", at = "2026-02-05T09:00:00Z", input = { stepped_up_to = "families_first" } },
  "wrong_role", "L1563: the manager initiates the LL Case Step Up Process [INF]")
act(s1, "initiate_step_up_process", { as = "tm", at = "2026-02-05T09:30:00Z", input = { stepped_up_to = "families_first" } })
expect_state(s1, "stepped_up", "L1515: safeguarding needs: a social worker as lead professional")
expect_timescale(s1, "T36_step_up_process_1wd", { status = "met" }, "L1563")

-- S2: late request accepted at the managers' discretion (L1545), to YPS.
local s2 = ifst_case("King")
act(s2, "request_step_up", { as = "kw", at = "2026-02-05T10:00:00Z", input = { to_team = "Young People's Service", request_reason = "homelessness" } })
act(s2, "circulate_request_form", { as = "coord", at = "2026-02-05T10:30:00Z" })
act(s2, "meeting_agrees_step_up", { as = "skw", at = "2026-02-05T11:00:00Z", input = {
  family_consents = true, late_request_accepted = true, meeting_date = "2026-02-05", team = "YPS" } })
expect_state(s2, "step_up_agreed", "L1545: managers may agree to consider late requests")
-- Thu 5 Feb + 1 working day = Fri 6 Feb.
at "2026-02-09T09:00:00Z"
expect_timescale(s2, "T36_step_up_process_1wd", { status = "breached", due = "2026-02-06" }, "L1563: not initiated within one working day")
act(s2, "initiate_step_up_process", { as = "skw", at = "2026-02-09T10:00:00Z", input = { stepped_up_to = "young_peoples_service" } })
expect_timescale(s2, "T36_step_up_process_1wd", { status = "met_late" }, "L1563")

-- S3: the meeting does not agree; the family returns to its plan.
local s3 = ifst_case("Lewis")
act(s3, "request_step_up", { as = "kw", at = "2026-02-09T11:00:00Z", input = { to_team = "Families First", request_reason = "worry" } })
act(s3, "meeting_declines", { as = "tm", at = "2026-02-10T10:00:00Z", input = { course_of_action = "TAF to review in 2 weeks" } })
expect_state(s3, "ifst_intervention", "L1525: a course of action agreed, support continues")

-- S4: immediate step-up for significant harm, from a Family Hub assessment.
local s4 = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Moss", requester = "parent", reason = "support" }, members = child("moss") }
act(s4, "triage_allocate_fh", { as = "ehtw" })
act(s4, "allocate_ehp", { as = "fhtm", input = { ehp = user_id "ehp", discussion_and_actions = "visit" } })
add_record(s4, "initial_checks", { as = "ehp", fields = { pvp_register_checked = true, rapid_completed = true } })
act(s4, "record_fh_consent", { as = "ehp" })
refuse(s4, "request_step_up", { as = "fw", at = "2026-02-10T10:30:00Z", input = { to_team = "FF", request_reason = "x" } },
  "wrong_role", "L1539: submitted by the worker or the appropriate manager")
refuse(s4, "immediate_step_up", { as = "ehp", at = "2026-02-10T10:45:00Z", input = { summary = "Disclosure of harm" } },
  "invalid_input", "L1553: discuss with Families First detailing the key concerns")
act(s4, "immediate_step_up", { as = "ehp", at = "2026-02-10T11:00:00Z", input = { summary = "Disclosure of harm", families_first_contact = "FF duty SW" } })
expect_state(s4, "step_up_agreed", "L1551: act immediately, not waiting for the weekly meeting; no consent guard [INF]")
expect_records(s4, "case_note", 1, "L1555: all decision making and actions recorded")
-- Tue 10 Feb + 1 working day = Wed 11 Feb.
expect_timescale(s4, "T36_step_up_process_1wd", { status = "pending", due = "2026-02-11" }, "L1563: 'either through the Step Up/Step Down process or immediately'")
act(s4, "initiate_step_up_process", { as = "fhtm", at = "2026-02-11T09:00:00Z", input = { stepped_up_to = "families_first" } })
expect_timescale(s4, "T36_step_up_process_1wd", { status = "met" }, "L1563")

-- S5: step-down from Families First into the IFS Team (form circulated Tue 10 Feb, meeting Wed 11 Feb).
local s5 = open_case { workflow = "one_point", as = "ffm", state = "step_down_from_statutory", at = "2026-02-11T09:00:00Z",
  data = { family_name = "Nash", requester = "step_down", reason = "CIN plan ended; intensive support still needed",
    from_service = "families_first", ff_tm_agreed = true, family_consents = true, form_circulated_on = "2026-02-10" },
  members = child("nash") }
expect_state(s5, "step_down_from_statutory", "L1581: step-down considered at the weekly meeting")
refuse(s5, "agree_step_down_to_ifst", { as = "ffm", at = "2026-02-11T10:00:00Z", input = { meets_ifst_threshold = true, still_requires_intensive_support = true, meeting_date = "2026-02-11", team = "IFST" } },
  "wrong_role", "L1589: the IFS Team Manager or Senior Key Worker must agree")
refuse(s5, "agree_step_down_to_ifst", { as = "skw", at = "2026-02-11T10:05:00Z", input = { meets_ifst_threshold = true, still_requires_intensive_support = false, meeting_date = "2026-02-11", team = "IFST" } },
  "guard_failed", "L1589: the family must still require intensive family support")
refuse(s5, "agree_step_down_to_ifst", { as = "skw", at = "2026-02-11T10:10:00Z", input = { meets_ifst_threshold = true, meeting_date = "2026-02-11", team = "IFST" } },
  "invalid_input", "L1589: both threshold questions must be answered")
act(s5, "agree_step_down_to_ifst", { as = "skw", at = "2026-02-11T10:30:00Z", input = {
  meets_ifst_threshold = true, still_requires_intensive_support = true, meeting_date = "2026-02-11", team = "IFST" } })
expect_state(s5, "ifst_awaiting_allocation", "L1591: transferred; IFST allocates")
-- Wed 11 Feb + 2 working days = Fri 13 Feb.
expect_timescale(s5, "T06_ifst_allocation_2wd", { status = "pending", due = "2026-02-13" }, "L476")

-- S6: Families First step-down without the FF Team Manager's agreement is refused.
local s6 = open_case { workflow = "one_point", as = "ffm", state = "step_down_from_statutory", at = "2026-02-11T11:00:00Z",
  data = { family_name = "Owen", requester = "step_down", reason = "stepping down",
    from_service = "families_first", family_consents = true, form_circulated_on = "2026-02-09" },
  members = child("owen") }
refuse(s6, "agree_step_down_to_fh", { as = "fhtm", at = "2026-02-11T11:30:00Z", input = { meeting_date = "2026-02-11", team = "Family Hub" } },
  "guard_failed", "L1583: agreed by the Families First Team Manager")
act(s6, "decline_step_down", { as = "fhtm", at = "2026-02-11T12:00:00Z", input = { reason = "Return to FF TM for agreement" } })
expect_state(s6, "step_down_declined", "L1589: not agreed [INF]")

-- S7: YPS step-down to the Family Hub; the form reached members on Sunday
-- 15 Feb, not a working day before Monday 16 Feb's meeting; on Friday 13 Feb it would have.
local s7 = open_case { workflow = "one_point", as = "ypsm", state = "step_down_from_statutory", at = "2026-02-16T09:00:00Z",
  data = { family_name = "Price", requester = "step_down", reason = "programme",
    from_service = "yps_aset", family_consents = true, form_circulated_on = "2026-02-15" },
  members = child("price") }
refuse(s7, "agree_step_down_to_fh", { as = "fhtm", at = "2026-02-16T10:00:00Z", input = { meeting_date = "2026-02-16", team = "Family Hub" } },
  "guard_failed", "L1581: at least 1 working day prior to the meeting")
local s8 = open_case { workflow = "one_point", as = "ypsm", state = "step_down_from_statutory", at = "2026-02-16T10:15:00Z",
  data = { family_name = "Quinn", requester = "step_down", reason = "programme",
    from_service = "yps_aset", family_consents = true, form_circulated_on = "2026-02-13" },
  members = child("quinn") }
act(s8, "agree_step_down_to_fh", { as = "fhtm", at = "2026-02-16T10:30:00Z", input = { meeting_date = "2026-02-16", team = "Family Hub" } })
expect_state(s8, "fh_awaiting_allocation", "L1593: stepped down to the Family Hub formally on LiquidLogic")
-- Mon 16 Feb + 7 working days = Wed 25 Feb.
expect_timescale(s8, "T07_fh_allocation_7wd", { status = "pending", due = "2026-02-25" }, "L599")
