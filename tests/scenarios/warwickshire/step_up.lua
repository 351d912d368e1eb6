-- tests/scenarios/warwickshire/step_up.lua: step up to social care through the
-- MASH (L237-L239): the 35-day transition and the 60-working-day maximum, both
-- met, both breached (over Christmas 2026: 25 Dec Fri and 28 Dec Mon, the
-- substitute for Boxing Day, are not working days), the threshold-not-met and
-- no-statutory-plan branches. L<n> = shared/seeds/003_6f36f2e5d3d52058.txt.
scenario "Warwickshire: step up to social care" {
  authority = "warwickshire",
  start = "2026-09-28T09:00:00Z",              -- Monday, BST
  users = {
    eho = { "early_help_officer", team = "south" },
    chair = { "early_help_caf_manager", team = "south" },
    tm = { "locality_fsw_team_manager", team = "south" },
    fsw = { "fsw", team = "south" },
    mash = { "mash", team = "south" },
    sw = { "social_worker", team = "south" },
    sctm = { "social_care_team_manager", team = "south" },
  },
}

local function referred_case(name)
  local c = open_case {
    workflow = "family_support_work", as = "eho",
    data = { referrer = name .. " referrer", source = "mash_eho", level = "complex", locality = "south" },
    members = {
      { id = "m1", name = name .. " child", role = "child", dob = "2015-01-15" },
      { id = "m2", name = name .. " parent", role = "parent", dob = "1987-06-06" },
    },
  }
  add_record(c, "single_assessment", { as = "eho", fields = { kind = "early_help", completed_on = "2026-09-20" } })
  add_record(c, "consent_for_service", { as = "eho", fields = { given_by = name .. " parent", given_on = "2026-09-28" } })
  act(c, "triage_pass", { as = "eho", input = {
    stepped_approach_step = "step_3", threshold_tier = "tier_3", pf_data_matched = true,
    pf_domestic_abuse = true, pf_school_attendance = true, pf_crime_asb = true,
    pf_out_of_work = true, pf_health = false, pf_tier3_4_threshold = false } })
  return c
end
local function allocate(c)
  act(c, "allocate", { as = "chair", input = { fsw = user_id "fsw",
    screened_at_meeting = true, agreed_in_supervision = true, meeting_date = "2026-10-01" } })
end

-- A safeguarding concern at triage goes to the MASH; the referral stays in triage.
local t = open_case {
  workflow = "family_support_work", as = "eho",
  data = { referrer = "Health visitor", source = "mash_eho", level = "complex", locality = "south" },
  members = { { id = "n1", name = "Nia", role = "child", dob = "2019-05-05" } },
}
act(t, "safeguarding_to_mash", { as = "eho", input = { concern = "bruising reported" } })
expect_state(t, "referral_received", "L191: safeguarding concerns go through the MASH process")
expect_records(t, "mash_referral", 1, "L191: MASH referral recorded")

local a = referred_case("Ash")
local b = referred_case("Birch")
local c = referred_case("Cedar")
at "2026-10-01T10:00:00Z"
allocate(a)
allocate(b)
allocate(c)
at "2026-10-02T10:00:00Z"
expect_state(a, "intervention_active", "L95: FSW intervention")

refuse(a, "refer_to_mash", { as = "mash", input = { concern = "x" } }, "wrong_role", "L237: the FSW side refers to the MASH")
act(a, "refer_to_mash", { as = "fsw", input = { concern = "disclosure of harm" } })
act(b, "refer_to_mash", { as = "tm", input = { concern = "neglect" } })
expect_state(a, "step_up_mash_referred", "L237: referred to the MASH for a social work service")
refuse(a, "threshold_met_sw_assessment_started", { as = "fsw", input = { social_worker = user_id "sw" } },
  "wrong_role", "L239: social care decides the threshold")
refuse(a, "threshold_met_sw_assessment_started", { as = "mash", input = { social_worker = user_id "sw" } },
  "missing_record", "L237: the arrangements of family support need to be considered")
add_record(a, "family_support_arrangements", { as = "fsw", fields = { arrangements = "FSW continues visits during assessment" } })
add_record(b, "family_support_arrangements", { as = "fsw", fields = { arrangements = "joint visits" } })
refuse(a, "threshold_met_sw_assessment_started", { as = "mash", input = { social_worker = user_id "fsw" } },
  "invalid_input", "L239: the assessment is conducted by a social worker")

-- Both transitions start on Monday 5 October 2026 (BST).
at "2026-10-05T10:00:00Z"
act(a, "threshold_met_sw_assessment_started", { as = "mash", input = { social_worker = user_id "sw" } })
act(b, "threshold_met_sw_assessment_started", { as = "sctm", input = { social_worker = user_id "sw" } })
expect_state(a, "step_up_transition", "L239: single assessment by a social worker")
expect_data(a, "social_worker_allocated", true, "L239: social worker conducts the assessment")
-- 35 calendar days: 5 Oct + 35 = Mon 9 Nov 2026 (GMT).
expect_timescale(a, "TM_W5_transition_35_days", { status = "pending", due = "2026-11-09T23:59:59Z" }, "L239: a 35 day period of transition")
-- 60 working days from Mon 5 Oct: 6-9 Oct (4), then ten full weeks to Fri 18
-- Dec (54), 21-24 Dec (58); Fri 25 Dec and Mon 28 Dec (substitute Boxing
-- Day) are bank holidays; Tue 29 Dec (59), Wed 30 Dec (60).
expect_timescale(a, "TM_W6_transition_max_60_working_days", { status = "pending", due = "2026-12-30T23:59:59Z" },
  "L239: maximum 60 working days, Christmas bank holidays skipped")
expect_timescale(b, "TM_W6_transition_max_60_working_days", { status = "pending", due = "2026-12-30" },
  "L239: maximum 60 working days")

-- Case A: transition completed within 35 days.
at "2026-10-30T10:00:00Z"
add_record(a, "step_up_handover", { as = "fsw", fields = { handed_over_on = "2026-10-30", summary = "chronology and plan" } })
act(a, "cin_cpp_started", { as = "sw", input = { plan = "cp" } })
expect_state(a, "closed_stepped_up", "L239: the involvement of the FSW will close as CIN/CPP process will start")
expect_timescale(a, "TM_W5_transition_35_days", { status = "met" }, "L239: transition within 35 days")
expect_timescale(a, "TM_W6_transition_max_60_working_days", { status = "met" }, "L239: within 60 working days")
expect_timescale(a, "TM_W4_max_one_year", { status = "met" }, "L205: FSW involvement ended within a year")
expect_timescale(a, "TM_W4_exit_strategy_by_12_months", { status = "cancelled" }, "L239: stepped up, no FSW exit strategy [INF]")

-- Case B: the transition overruns both limits.
at "2026-11-09T23:59:00Z"
expect_timescale(b, "TM_W5_transition_35_days", { status = "pending" }, "L239: last minute of day 35")
at "2026-11-10T09:00:00Z"
expect_timescale(b, "TM_W5_transition_35_days", { status = "breached", due = "2026-11-09" }, "L239: 35-day transition exceeded")
expect_data(b, "transition_target_exceeded", true, "L239: 35-day target flagged")
at "2026-12-28T12:00:00Z"
expect_timescale(b, "TM_W6_transition_max_60_working_days", { status = "pending" },
  "L239: not yet due on 28 Dec (substitute bank holiday)")
at "2026-12-30T23:59:00Z"
expect_timescale(b, "TM_W6_transition_max_60_working_days", { status = "pending" }, "L239: last minute of the 60th working day")
at "2026-12-31T00:00:30Z"
expect_timescale(b, "TM_W6_transition_max_60_working_days", { status = "breached", due = "2026-12-30T23:59:59Z" },
  "L239: maximum 60 working days exceeded")
expect_data(b, "transition_max_exceeded", true, "L239: maximum flagged")
refuse(b, "cin_cpp_started", { as = "sw", input = { plan = "cin" } }, "missing_record", "L239: information to be handed over")
add_record(b, "step_up_handover", { as = "fsw", fields = { handed_over_on = "2026-12-31", summary = "handover" } })
refuse(b, "cin_cpp_started", { as = "sw", input = { plan = "cpp" } }, "invalid_input", "L239: a CIN or CP plan")
act(b, "cin_cpp_started", { as = "sw", input = { plan = "cin" } })
expect_timescale(b, "TM_W5_transition_35_days", { status = "met_late" }, "L239: transition ended late")
expect_timescale(b, "TM_W6_transition_max_60_working_days", { status = "met_late" }, "L239: transition ended after the maximum")
expect_state(b, "closed_stepped_up", "L239: FSW involvement closes")
refuse(b, "cin_cpp_started", { as = "sw", input = { plan = "cin" } }, "case_closed", "L239: FSW involvement has closed")

-- Case C: threshold not met returns the case to where it was [INF, spec #19];
-- an assessment without a statutory plan returns it to intervention [INF, spec #21].
act(c, "begin_exit", { as = "fsw" })
act(c, "refer_to_mash", { as = "fsw", input = { concern = "worry about supervision" } })
act(c, "threshold_not_met", { as = "mash" })
expect_state(c, "exit_planning", "L239: threshold for children's social care not met; FSW work continues")
act(c, "refer_to_mash", { as = "fsw", input = { concern = "new incident" } })
add_record(c, "family_support_arrangements", { as = "fsw", fields = { arrangements = "FSW continues" } })
act(c, "threshold_met_sw_assessment_started", { as = "mash", input = { social_worker = user_id "sw" } })
at "2027-01-05T10:00:00Z"
act(c, "sw_assessment_no_statutory_plan", { as = "sw" })
expect_state(c, "intervention_active", "L239: assessment ended without a CIN/CPP")
expect_timescale(c, "TM_W5_transition_35_days", { status = "met", due = "2027-02-04" }, "L239: 35 days from 31 Dec 2026")
expect_timescale(c, "TM_W6_transition_max_60_working_days", { status = "met", due = "2027-03-30" }, "L239: 60 working days from 31 Dec 2026 (1 Jan, Good Friday 26 Mar and Easter Monday 29 Mar 2027 skipped)")
expect_records(c, "mash_referral", 2, "L237: each MASH referral recorded")
