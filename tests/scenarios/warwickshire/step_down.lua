-- tests/scenarios/warwickshire/step_down.lua: overlap (Complex-Intensive)
-- work referred by social care with the FSW as assigned worker (L107-L109,
-- L217), the CIN/CPP ending and step-down exit support within 60 working days
-- (L255), and a step-down referral without FSW involvement (L248).
-- L<n> = shared/seeds/003_6f36f2e5d3d52058.txt.
scenario "Warwickshire: step down from social care" {
  authority = "warwickshire",
  start = "2026-01-05T09:00:00Z",
  users = {
    eho = { "early_help_officer", team = "east" },
    admin = { "early_help_administrator", team = "east" },
    chair = { "early_help_caf_manager", team = "east" },
    fsw = { "fsw", team = "east" },
    sw = { "social_worker", team = "east" },
    sctm = { "social_care_team_manager", team = "east" },
  },
}

local d = open_case {
  workflow = "family_support_work", as = "admin",
  data = { referrer = "Social care children's team (east)", source = "social_care", level = "complex_intensive",
           locality = "east", social_worker_allocated = true },
  members = {
    { id = "ola", name = "Ola", role = "child", dob = "2012-12-12" },
    { id = "pia", name = "Pia", role = "child", dob = "2020-02-20" },
    { id = "quin", name = "Quin", role = "parent", dob = "1989-09-09" },
  },
}
expect_state(d, "referral_received", "L108: team managers forward referrals via the early help administrators")
add_record(d, "single_assessment", { as = "sctm", fields = { kind = "statutory", completed_on = "2025-12-20" } })
add_record(d, "consent_for_service", { as = "eho", fields = { given_by = "Quin", given_on = "2026-01-05" } })
act(d, "triage_pass", { as = "eho", input = {
  stepped_approach_step = "step_4a", threshold_tier = "tier_4", pf_data_matched = true,
  pf_domestic_abuse = true, pf_school_attendance = false, pf_crime_asb = true,
  pf_out_of_work = true, pf_health = false, pf_tier3_4_threshold = true } })
expect_state(d, "allocation_meeting_pending", "L146: Complex-Intensive, tier 3 & 4, 4 criteria met")
at "2026-01-08T10:00:00Z"
local alloc = { fsw = user_id "fsw", screened_at_meeting = true, agreed_in_supervision = true, meeting_date = "2026-01-08" }
refuse(d, "allocate", { as = "chair", input = alloc }, "guard_failed", "L109: clear working agreements for the overlap service")
add_record(d, "working_agreement", { as = "sctm", fields = {
  desired_outcomes = "reduce risk of care", timescales = "CP plan review dates",
  review_process = "core group every 6 weeks", reporting_and_communication = "weekly email to SW" } })
act(d, "allocate", { as = "chair", input = alloc })
expect_state(d, "ci_assigned_worker_active", "L217: when social worker allocated FSW will be assigned worker")
expect_data(d, "lead_professional", "social_worker", "L107: the lead professional will be the social worker")
expect_timescale(d, "TM_W1_W4_reviews", { status = "pending", occurrence = 1, due = "2026-04-08" }, "L205: reviews apply to all FSW work")
refuse(d, "begin_exit", { as = "fsw" }, "wrong_state", "L255: overlap work ends when the CIN/CPP ends")
refuse(d, "cin_cpp_ending", { as = "fsw", input = { stepped_approach = "x" } }, "wrong_role", "L255: social care ends the CIN/CPP")

at "2026-01-12T10:00:00Z"
act(d, "cin_cpp_ending", { as = "sw", input = { stepped_approach = "Step 3 then Triple P groups" } })
expect_state(d, "step_down_exit_support", "L255: exit support after a CIN/CPP with FSW intervention")
-- 60 working days from Mon 12 Jan 2026: 13-16 Jan (4), ten full weeks to
-- Fri 27 Mar (54), 30 Mar-2 Apr (58),
-- Good Friday 3 Apr and Easter Monday 6 Apr skipped, 7 Apr (59), 8 Apr (60).
expect_timescale(d, "TM_W7_exit_support_60_working_days", { status = "pending", due = "2026-04-08" },
  "L255: within a 60 working day maximum period (Easter 2026 skipped)")

at "2026-03-20T10:00:00Z"
add_record(d, "exit_strategy", { as = "fsw", fields = { family_support_meeting_on = "2026-03-19",
  signposting = "community parenting group", fis_included = true } })
refuse(d, "close_with_exit_strategy", { as = "fsw", input = { written_to_referrer = true, written_to_family = true } },
  "guard_failed", "L255: an exit plan involving the stepped approach")
add_record(d, "exit_strategy", { as = "fsw", fields = { family_support_meeting_on = "2026-03-20",
  signposting = "community parenting group", fis_included = true, stepped_approach = "Step 2 advice, Step 1 FIS information" } })
refuse(d, "close_with_exit_strategy", { as = "sw", input = { written_to_referrer = true, written_to_family = true } },
  "wrong_role", "L255: the FSW closes the exit support")
act(d, "close_with_exit_strategy", { as = "fsw", input = { written_to_referrer = true, written_to_family = true } })
expect_state(d, "closed_completed", "L255: exit strategy recorded and in writing at closure")
expect_timescale(d, "TM_W7_exit_support_60_working_days", { status = "met" }, "L255: within 60 working days")

-- Step-down without Complex-Intensive involvement: a new referral (route R6).
local function step_down_referral(monitoring)
  return open_case {
    workflow = "family_support_work", as = "eho",
    data = { referrer = "East locality panel", source = "step_down", level = "complex", locality = "east",
             monitoring_only = monitoring },
    members = { { id = "rae", name = "Rae", role = "child", dob = "2014-04-14" } },
  }
end
local input = {
  stepped_approach_step = "step_3", threshold_tier = "tier_3", pf_data_matched = true,
  pf_domestic_abuse = true, pf_school_attendance = true, pf_crime_asb = true,
  pf_out_of_work = true, pf_health = false, pf_tier3_4_threshold = false }
local s = step_down_referral(false)
add_record(s, "single_assessment", { as = "eho", fields = { kind = "statutory", completed_on = "2026-03-01" } })
refuse(s, "triage_pass", { as = "eho", input = input }, "guard_failed", "L248: a current and relevant plan/assessment in place")
add_record(s, "step_down_plan", { as = "eho", fields = { plan = "cin_plan", dated = "2026-03-10" } })
act(s, "triage_pass", { as = "eho", input = input })
expect_state(s, "allocation_meeting_pending", "L248: step-down referrals triaged by the Early Help Officer")
local m = step_down_referral(true)
add_record(m, "single_assessment", { as = "eho", fields = { kind = "statutory", completed_on = "2026-03-01" } })
add_record(m, "step_down_plan", { as = "eho", fields = { plan = "cp_plan", dated = "2026-03-10" } })
refuse(m, "triage_pass", { as = "eho", input = input }, "guard_failed", "L99: FSWs are not a monitoring service")
act(m, "triage_reject", { as = "eho", input = { reason = "step_down_monitoring_only", detail = "monitoring requested" } })
expect_state(m, "declined_not_eligible", "L99: step down work does not include monitoring")
