-- Durham: clocks over months: an IFST assessment not signed off within 28
-- working days and never extended; a case clinic before six months; the
-- annual assessment review done in time; and a TAF that recommends
-- step-down at closure, which the weekly meeting does not agree.
-- Bare due dates are 23:59:59 London time.
scenario "Durham: long-running IFST cases" {
  authority = "durham",
  start = "2026-01-05T09:00:00Z",   -- Monday
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
    om = { "operations_manager", team = "ifst" },
    coord = { "team_coordinator", team = "ifst" },
  },
}

local function ifst_to_consent(name)
  local id = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
    data = { family_name = name, requester = "professional", reason = "complex" },
    members = { { id = "kid", name = "Kid", role = "child", dob = "2011-11-11" } } }
  add_record(id, "mo_case_note", { as = "sehtw", fields = { note = "IFST" } })
  act(id, "triage_allocate_ifst", { as = "ehtw", input = { complex_needs = true } })
  add_record(id, "timeline", { as = "tm", fields = { initial_case_summary = "x" } })
  act(id, "allocate_key_worker", { as = "tm", input = { key_worker = user_id "kw", expected_assessment_working_days = 28, discussion_and_actions = "x" } })
  add_record(id, "initial_checks", { as = "kw", fields = { pvp_register_checked = true, rapid_completed = true } })
  act(id, "record_consent", { as = "kw" })
  return id
end
local TAF = { held_on = "2026-01-05", attendance_recorded = true, next_meeting_at = "2026-02-02T10:00:00Z" }

-- A: signed off on the day of consent (Mon 5 Jan).
local a = ifst_to_consent("Kerr")
act(a, "hold_initial_taf", { as = "kw", input = TAF })
act(a, "submit_assessment", { as = "kw", input = { analysis = "a", home_visit = true, direct_communication_with_children = true } })
act(a, "sign_off_assessment", { as = "tm", input = { family_seen_assessment = true } })
-- Mon 5 Jan + 6 months = Sun 5 Jul; + 12 months = Tue 5 Jan 2027.
expect_timescale(a, "T41_open_six_months", { status = "pending", due = "2026-07-05" }, "L1789")
expect_timescale(a, "T20_annual_assessment_review", { status = "pending", due = "2027-01-05" }, "L764")

-- B: consent on Mon 5 Jan; no sign-off and no extension.
local b = ifst_to_consent("Lowe")
-- Mon 5 Jan + 28 working days = Thu 12 Feb.
at "2026-02-13T09:00:00Z"
expect_timescale(b, "T11_ifst_assessment_28wd", { status = "breached", due = "2026-02-12" }, "L685: no more than 28 working days from consent")
act(b, "hold_initial_taf", { as = "kw", at = "2026-02-13T10:00:00Z", input = TAF })
act(b, "submit_assessment", { as = "kw", at = "2026-02-13T11:00:00Z", input = { analysis = "a", home_visit = true, direct_communication_with_children = true } })
act(b, "sign_off_assessment", { as = "tm", at = "2026-02-16T10:00:00Z", input = { family_seen_assessment = true } })
expect_timescale(b, "T11_ifst_assessment_28wd", { status = "met_late" }, "L685")
refuse(b, "extend_timescale", { as = "tm", at = "2026-02-16T11:00:00Z", input = { timescale = "T11_ifst_assessment_28wd", ["until"] = "2026-03-01", reason = "late" } },
  "invalid_input", "L689: only a running (pending) assessment clock can be extended")

-- A: discussed at the Operations Manager's case clinic in April.
add_record(a, "case_clinic_note", { as = "om", at = "2026-04-14T10:00:00Z", fields = { key_points = "Progressing" } })
expect_timescale(a, "T41_open_six_months", { status = "met" }, "L1797: operation management oversight case note")
-- A: the annual review in December, inside the year.
act(a, "review_assessment", { as = "kw", at = "2026-12-01T10:00:00Z", input = { kind = "annual_review", summary = "Annual Review of C&F" } })
expect_timescale(a, "T20_annual_assessment_review", { occurrence = 1, status = "met" }, "L764: reviewed annually")
-- Tue 1 Dec + 12 months = Wed 1 Dec 2027.
expect_timescale(a, "T20_annual_assessment_review", { occurrence = 2, status = "pending", due = "2027-12-01" }, "L764")

-- A: closure proposed; the TAF recommends a Family Hub step-down instead; the meeting does not agree.
act(a, "propose_closure", { as = "kw", at = "2026-12-02T10:00:00Z", input = { reason = "Outcomes met" } })
act(a, "taf_recommends_step_down", { as = "kw", at = "2026-12-03T10:00:00Z", input = { to_team = "Family Hub", request_reason = "Some unmet needs" } })
expect_state(a, "step_down_to_fh_pending", "L1696-1698: ongoing support through the Family Hub considered; Step-Down procedures followed")
act(a, "circulate_request_form", { as = "coord", at = "2026-12-03T11:00:00Z" })
act(a, "step_down_meeting_decision", { as = "tm", at = "2026-12-04T10:00:00Z", input = {
  outcome = "not_agreed", outstanding_plan_elements = "None requiring FH", meeting_date = "2026-12-04", team = "Family Hub" } })
expect_state(a, "closure_proposed", "L1615: the meeting decides what the Family Hub can offer; back to closure")
