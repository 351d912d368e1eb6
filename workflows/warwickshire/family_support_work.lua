-- workflows/warwickshire/family_support_work.lua: Warwickshire's Early Help
-- Family Support Work (FSW) episode, from referral at the Early Help Officer
-- 'front door' to closure, step-up to social care or step-down exit support.
--
-- Source: shared/seeds/003_6f36f2e5d3d52058.txt ("Early Help Family Support
-- Worker Offer", v2.0, November 2016). L<n> = `cat -n` line of that file.
-- Spec: shared/spec/warwickshire.md; state, action and role ids are the
-- spec's (section 3.2, 3.3, section 2); timescale names keep the spec's
-- TM-Wn id as prefix (TM_Wn_...).
--
-- Deviations from the spec's ids and tables:
--   * TM-W1..TM-W4 (reviews at 3, 6, 9, 12 months) are ONE recurring
--     timescale, TM_W1_W4_reviews (every = months(3), rearm = "anchor",
--     times = 4, from allocation): occurrence n is TM-Wn. L95 lists reviews
--     "at 3, 6 and 9 months" and L205 "at 3 months, 6 months, 9 months and 12
--     months": L95's set is contained in L205's (same anchor, same review
--     events), so one clock with four occurrences encodes both lines.
--   * TM-W4's other two obligations are separate timescales, one per line:
--     TM_W4_exit_strategy_by_12_months (L95 "an exit strategy completed by 12
--     months", met by the exit strategy record) and TM_W4_max_one_year (L205
--     "time limited to a maximum of one year", met when the FSW involvement
--     ends). Neither is extendable (spec 8.5: extension is invalid).
--   * Spec #4 safeguarding_to_mash (from triage) and #17 refer_to_mash (from
--     an open FSW case) are two actions: the first records the MASH referral
--     and leaves the referral in triage, the second moves to step-up.
--   * The "locality_allocation_meeting" forum (spec section 2) acts through
--     its chair, early_help_caf_manager (L164) [INF].
--
-- Documented [DOC] vs inferred [INF]:
--   [DOC] triage by the EHO (L157), Priority Families 4 of 6 and 0-5 Complex
--         2 of 6 with no single assessment needed (L129-L137, L141-L146),
--         single-assessment exceptions (L128, L139, L183), tier 3 upwards
--         (L91), the stepped approach (L116, L159, Appendix 1 L269-L272),
--         ages 0-18 (L39), step-down is not monitoring (L99), step-down needs
--         a current plan/assessment (L248), weekly allocation meeting (L164),
--         screening at the meeting (L199), allocation agreed via supervision
--         (L219), caseloads 10-15 and 6-8 (L94, L215-L217), decline without a
--         waiting list (L189-L191), working agreements for assigned workers
--         (L109, L204), reviews (L95, L205), one-year maximum (L95, L205),
--         non-engagement letters to referrer and family (L200), exit strategy
--         at a family support meeting and in writing with FIS (L206-L208),
--         stuck cases to the locality panel (L210), step-up via the MASH and
--         the 35-day / 60-working-day transition (L237, L239), step-down exit
--         support within 60 working days (L255).
--   [INF] the caseload cap is the top of each range and the case's level
--         stands for the worker's level (no per-worker level or FTE fact in
--         the engine; pro-rata by FTE is therefore not encoded); consent for
--         service recorded before allocation (L200 says guidance "will be
--         set", spec 8.12); at least limits.outreach_attempts_min recorded
--         outreach attempts before a non-engagement closure (spec 8.11); the
--         TM-W8 one-week allocation clock (spec TM-W8); review and transition
--         clock anchors (spec 8.4, 8.6); the step-up "threshold not met" and
--         "no statutory plan" branches (spec #19, #21); the breach flags set
--         in case data; "0 to 18 years old" (L39) read as up to the 19th
--         birthday; the Housing FSW's reduced Priority Families count (L139)
--         is not stated: limits.pf_criteria_min_housing must be configured or
--         triage refuses Housing FSW referrals (spec 8.1).
--
-- Not encoded (staff-level or not a case clock):
--   * Weekly locality allocation meeting itself (L164) and the weekly early
--     help allocations meeting for social care referrals (L108): meetings of
--     staff; the case-level consequence is TM_W8.
--   * "Regular case management supervision" (L201) and caseload agreement
--     with line managers via the workload tool (L94, L219): staff-level, no
--     interval stated; supervision notes can be added as a record.
--   * "Regular communication via early help panels and locality allocations
--     meetings" (L187): staff-level.
--   * Non-engagement (TM-W9, L200): no duration stated, so no clock.
--   * Document review date (TM-W10, L12): policy metadata, not a case clock.
--   * Visit frequency (Appendix 1, L273): "Frequent"/"Regular", no number.
--   * Table 4 / overlap-service capacity (L110-L114, L221-L229): no engine
--     fact counts cases per level or per locality overlap; the figures are in
--     the authority's limits for reporting only.

-- The fields of the latest record of a type, or nil.
local function latest(case, rtype)
  local list = case.records and case.records[rtype]
  if list == nil or #list == 0 then return nil end
  return list[#list]
end

-- L130-L137: the six Priority Families criteria, as triage input fields.
local PF_CRITERIA = {
  "pf_domestic_abuse", "pf_school_attendance", "pf_crime_asb",
  "pf_out_of_work", "pf_health", "pf_tier3_4_threshold",
}
local function pf_count(input)
  local n = 0
  for _, k in ipairs(PF_CRITERIA) do
    if input[k] == true then n = n + 1 end
  end
  return n
end

workflow "family_support_work" {
  title = "Early Help Family Support Work episode",
  document = "003_6f36f2e5d3d52058.txt",
  initial = "referral_received",
  -- L157: "Referrals into the FSW service will be via the Early Help Officer";
  -- L108: social care team managers' referrals come via the EH administrators.
  opened_by = { "early_help_officer", "early_help_administrator" },
  data = {
    referrer = text { required = true, label = "Referrer (receives closure letters, L200, L206)" },
    -- L168-L173 routes R1-R4, L139 children's centres (R5), L248 step-down (R6).
    source = enum { "mash_eho", "early_help_network", "early_help_panel", "social_care",
                    "childrens_centre", "step_down", required = true, label = "Referral route" },
    -- L141-L146 Table 1 levels, plus the Housing FSW exception (L139).
    level = enum { "0_5_complex", "complex", "complex_intensive", "housing_fsw",
                   required = true, label = "Requested level of intervention" },
    locality = enum { "north", "south", "east", required = true, label = "Locality (Table 2, L148-L153)" },
    -- L128: why there is no single assessment (children's centre or early help panel exception).
    single_assessment_exception = text { label = "Reason no single assessment is in place (L128)" },
    -- L107, L217: a social worker is allocated (CIN/CP threshold met).
    social_worker_allocated = boolean { label = "Social worker allocated (L107, L217)" },
    -- L99: step-down work is not a monitoring service.
    monitoring_only = boolean { label = "Request is for monitoring only (L99)" },
  },
  significant = "Referral received by the Early Help Officer",
}

-- States -----------------------------------------------------------------------

state "referral_received" { line = 157, title = "Referral at the Early Help Officer front door" }
state "allocation_meeting_pending" { line = 164, title = "Awaiting the weekly locality allocation meeting" }
state "single_assessment_in_progress" { line = 128, title = "Allocated; FSW writing the single assessment" }
state "intervention_active" { line = 95, title = "FSW lead professional; SMART plan in delivery" }
state "ci_assigned_worker_active" { line = 217, title = "Complex-Intensive FSW assigned worker; social worker leads" }
state "assertive_outreach" { line = 200, title = "Family not engaging; assertive outreach" }
state "locality_panel_review" { line = 210, title = "Stuck case at the locality panel" }
state "exit_planning" { line = 206, title = "Exit strategy in preparation" }
state "step_up_mash_referred" { line = 237, title = "Referred to the MASH for a social work service" }
state "step_up_transition" { line = 239, title = "Step-up transition: social worker's single assessment" }
state "step_down_exit_support" { line = 255, title = "Step-down exit support after CIN/CPP" }
state "declined_not_eligible" { line = 129, terminal = true, title = "Declined: criteria or threshold not met" }
state "declined_no_capacity" { line = 189, terminal = true, title = "Declined: no capacity (no waiting list)" }
state "closed_completed" { line = 206, terminal = true, title = "Closed with an exit strategy" }
state "closed_non_engagement" { line = 200, terminal = true, title = "Closed: non-engagement" }
state "closed_stepped_up" { line = 239, terminal = true, title = "Closed: CIN/CPP process started" }

-- Records ----------------------------------------------------------------------

-- L128: the single assessment "will underpin the family support service and act
-- as the referral form mechanism"; L106 the social care single assessment for overlap work.
record "single_assessment" {
  line = 128,
  fields = {
    kind = enum { "early_help", "statutory", required = true },
    completed_on = date { required = true },
    summary = text {},
  },
}
-- L248: step-down without CI FSW involvement needs "a current and relevant plan/assessment".
record "step_down_plan" {
  line = 248,
  fields = {
    plan = enum { "cin_plan", "cp_plan", "single_assessment", required = true },
    dated = date { required = true },
    summary = text {},
  },
}
-- L200 [INF]: "Clear guidance will be set regarding consent for service" (guidance absent).
record "consent_for_service" {
  line = 200,
  fields = { given_by = text { required = true }, given_on = date { required = true } },
}
-- L157-L162: the EHO's triage (stepped approach, PF data matching, step-down
-- procedures, Thresholds). Created by triage_pass.
record "triage_record" {
  line = 157,
  fields = {
    stepped_approach_step = enum { "step_1", "step_2", "step_3", "step_4a", "step_4b", required = true },
    threshold_tier = enum { "tier_1", "tier_2", "tier_3", "tier_4", required = true },
    pf_data_matched = boolean { required = true },
    pf_domestic_abuse = boolean { required = true },
    pf_school_attendance = boolean { required = true },
    pf_crime_asb = boolean { required = true },
    pf_out_of_work = boolean { required = true },
    pf_health = boolean { required = true },
    pf_tier3_4_threshold = boolean { required = true },
  },
}
-- L166, L231: the allocation meeting's decision, "managed via Mosaic". Created by allocate.
record "allocation_record" {
  line = 166,
  fields = {
    meeting_date = date { required = true },
    capacity_and_timescales = text {},
  },
}
-- L109, L204: working agreement for an assigned (not lead) worker.
record "working_agreement" {
  line = 109,
  fields = {
    desired_outcomes = text { required = true },
    timescales = text { required = true },
    review_process = text { required = true },
    reporting_and_communication = text { required = true },
  },
}
-- L205: review with SMART FSW plans. Created by review_held.
record "review_record" {
  line = 205,
  by = { "assigned" },
  fields = {
    milestone = enum { "3_months", "6_months", "9_months", "12_months", required = true },
    smart_plan = text { required = true },
  },
}
-- L201: case management supervision notes ("evidence of management oversight").
record "supervision_note" {
  line = 201,
  by = { "locality_fsw_team_manager" },
  fields = { decision = text { required = true } },
}
-- L200: "after an assertive outreach approach".
record "outreach_attempt" {
  line = 200,
  by = { "assigned", "locality_fsw_team_manager" },
  fields = { attempted_on = date { required = true }, method = text { required = true } },
}
-- L200: "a letter will be sent to the referrer and family advising of closure and
-- signposting to community resources": one record per recipient.
record "closure_letter_referrer" {
  line = 200,
  by = { "assigned", "locality_fsw_team_manager" },
  fields = { sent_on = date { required = true }, signposting = text { required = true } },
}
record "closure_letter_family" {
  line = 200,
  by = { "assigned", "locality_fsw_team_manager" },
  fields = { sent_on = date { required = true }, signposting = text { required = true } },
}
-- L206-L208: "Clear exit strategy recorded at Family Support Meetings ... with
-- signposting to community resources ... FIS to be a standard part of the exit
-- plan"; L255 step-down exit plan "involving the stepped approach".
record "exit_strategy" {
  line = 206,
  by = { "assigned", "locality_fsw_team_manager" },
  fields = {
    family_support_meeting_on = date { required = true },
    signposting = text { required = true },
    fis_included = boolean { required = true },
    stepped_approach = text {},
    unmet_need = text {},
  },
}
-- L191, L237: safeguarding concern referred to the MASH.
record "mash_referral" {
  line = 237,
  fields = { concern = text { required = true } },
}
-- L237: "the arrangements of family support need to be considered".
record "family_support_arrangements" {
  line = 237,
  fields = { arrangements = text { required = true } },
}
-- L239: the transition is "to enable assessment to take place and information to be handed over".
record "step_up_handover" {
  line = 239,
  fields = { handed_over_on = date { required = true }, summary = text { required = true } },
}

-- Timescales -------------------------------------------------------------------

-- L205: "Clear review process in place at 3 months, 6 months, 9 months and 12
-- months with SMART FSW plans" (L95: "reviews at 3, 6 and 9 months").
timescale "TM_W1_W4_reviews" {
  line = 205,
  what = "Review with the SMART FSW plan at 3, 6, 9 and 12 months from allocation",
  every = months(3), rearm = "anchor", times = 4,
  from = "allocate",
  satisfied_by = "review_held",
  note = "Spec TM-W1..TM-W4 as occurrences 1..4; anchored to allocation (spec 8.4); L95 lists 3, 6, 9 months, contained in L205's list",
}
-- L205: "Intervention should be time limited to a maximum of one year".
timescale "TM_W4_max_one_year" {
  line = 205,
  what = "FSW intervention ends within one year of allocation",
  within = months(12),
  from = "allocate",
  satisfied_by = { "close_with_exit_strategy", "close_non_engagement", "cin_cpp_started" },
  note = "Not extendable (spec 8.5); L95 also says 'a maximum of 12 months'",
  on_breach = { effect = function(case) case.data.max_duration_exceeded = true end },
}
-- L95: "work with families for a maximum of 12 months ... with an exit strategy
-- completed by 12 months".
timescale "TM_W4_exit_strategy_by_12_months" {
  line = 95,
  what = "Exit strategy completed by 12 months from allocation",
  within = months(12),
  from = "allocate",
  satisfied_by = "record:exit_strategy",
  cancelled_by = { "cin_cpp_started" },
  note = "Stepping up closes the FSW involvement without an FSW exit strategy [INF]",
  on_breach = { effect = function(case) case.data.exit_strategy_missing = true end },
}
-- L239: "(a 35 day period of transition - maximum 60 working days)": two rules,
-- both encoded. 35 unqualified days = calendar days, a target (spec 8.6).
timescale "TM_W5_transition_35_days" {
  line = 239,
  what = "Step-up transition (social worker's assessment and handover) within 35 days",
  within = days(35),
  from = "threshold_met_sw_assessment_started",
  satisfied_by = { "cin_cpp_started", "sw_assessment_no_statutory_plan" },
  on_breach = { effect = function(case) case.data.transition_target_exceeded = true end },
}
-- L239: "maximum 60 working days".
timescale "TM_W6_transition_max_60_working_days" {
  line = 239,
  what = "Step-up transition ends within a maximum of 60 working days",
  within = working_days(60),
  from = "threshold_met_sw_assessment_started",
  satisfied_by = { "cin_cpp_started", "sw_assessment_no_statutory_plan" },
  on_breach = { effect = function(case) case.data.transition_max_exceeded = true end },
}
-- L255: "This exit support would be worked within a 60 working day maximum period."
timescale "TM_W7_exit_support_60_working_days" {
  line = 255,
  what = "Step-down exit support completed within 60 working days of the CIN/CPP ending",
  within = working_days(60),
  from = "cin_cpp_ending",
  satisfied_by = "close_with_exit_strategy",
  on_breach = { effect = function(case) case.data.exit_support_max_exceeded = true end },
}
-- L164: "Weekly locality allocation meetings" [INF: decided at the next weekly
-- meeting, so within 7 days of passing triage; spec TM-W8].
timescale "TM_W8_allocation_meeting_weekly" {
  line = 164,
  what = "Screened and decided at the next weekly locality allocation meeting",
  within = days(7),
  from = "triage_pass",
  satisfied_by = { "allocate", "decline_no_capacity", "decline_level_inappropriate" },
  on_breach = { effect = function(case) case.data.missed_allocation_meeting = true end },
}

-- Actions: triage ------------------------------------------------------------------

action "triage_pass" {
  line = 157, -- L157: "All referrals will be triaged by the Early Help Officer"
  title = "Triage: eligible, to the weekly allocation meeting",
  from = "referral_received",
  by = "early_help_officer",
  creates = "triage_record",
  input = {
    stepped_approach_step = enum { "step_1", "step_2", "step_3", "step_4a", "step_4b", required = true },
    threshold_tier = enum { "tier_1", "tier_2", "tier_3", "tier_4", required = true },
    pf_data_matched = boolean { required = true },
    pf_domestic_abuse = boolean { required = true },      -- L130
    pf_school_attendance = boolean { required = true },   -- L131
    pf_crime_asb = boolean { required = true },           -- L132
    pf_out_of_work = boolean { required = true },         -- L133
    pf_health = boolean { required = true },              -- L134
    pf_tier3_4_threshold = boolean { required = true },   -- L135-L137
  },
  guards = {
    -- L139: Housing FSW "a reduced number of Priority Family criteria": number not stated.
    { line = 139, reason = "the Housing FSW's reduced Priority Families count is not stated in the procedure (L139); set limits.pf_criteria_min_housing",
      check = function(case, input, facts)
        return case.data.level ~= "housing_fsw" or facts.limits.pf_criteria_min_housing ~= nil
      end },
    -- L129: "four of the following criteria are met"; L144: 0-5 Complex "2 met".
    { line = 129, reason = "too few Priority Families criteria met (4 of 6; 0-5 Complex 2 of 6, Table 1 L144-L146)",
      check = function(case, input, facts)
        local min = facts.limits.pf_criteria_min
        if case.data.level == "0_5_complex" then min = facts.limits.pf_criteria_min_0_5 end
        if case.data.level == "housing_fsw" then min = facts.limits.pf_criteria_min_housing end
        return pf_count(input) >= min
      end },
    -- L160: triaged using "Priority Families data matching".
    { line = 160, reason = "Priority Families data matching has not been done",
      check = function(case, input) return input.pf_data_matched == true end },
    -- L128, L143-L146, L183: a single assessment is the referral form; not
    -- needed for 0-5 Complex (Table 1 "No") or the Housing FSW (L183); by
    -- exception through children's centres or early help panels with a reason.
    { line = 128, reason = "no single assessment is in place and no exception applies (L128, Table 1 L143-L146)",
      check = function(case)
        if has_record(case, "single_assessment") then return true end
        local lvl, src = case.data.level, case.data.source
        if lvl == "0_5_complex" or lvl == "housing_fsw" then return true end
        local why = case.data.single_assessment_exception
        return (src == "childrens_centre" or src == "early_help_panel") and type(why) == "string" and #why > 0
      end },
    -- L248: step-down "will need a current and relevant plan/assessment in place".
    { line = 248, reason = "a step-down referral needs a current and relevant plan/assessment",
      check = function(case)
        return case.data.source ~= "step_down" or has_record(case, "step_down_plan")
      end },
    -- L99: "Step down work does not include the use of Family Support Workers as a monitoring service".
    { line = 99, reason = "FSWs are not a monitoring service for families",
      check = function(case) return case.data.monitoring_only ~= true end },
    -- L91: "All FSW's will undertake work from tier 3"; L144-L146: tier 4 only for Complex-Intensive.
    { line = 91, reason = "the threshold tier does not fit the level (tier 3 for 0-5 Complex and Complex; tier 3 or 4 for Complex-Intensive)",
      check = function(case, input)
        if input.threshold_tier == "tier_3" then return true end
        return input.threshold_tier == "tier_4" and case.data.level == "complex_intensive"
      end },
    -- L116, L269-L272: the service is Step 3 / Step 4a of the stepped approach;
    -- Steps 1-2 are "signposted via MASH and CAF", Step 4b is foster placement.
    { line = 116, reason = "the stepped approach places the family outside the FSW service (Steps 3 and 4a only)",
      check = function(case, input)
        return input.stepped_approach_step == "step_3" or input.stepped_approach_step == "step_4a"
      end },
    -- L39: "families with children aged from 0 to 18 years old".
    { line = 39, reason = "no child aged 0 to 18 in the family",
      check = function(case, input, facts)
        for _, m in ipairs(children(case)) do
          if m.dob and age_years(m.dob, facts.today) <= 18 then return true end
        end
        return false
      end },
    -- L183: 0-5 work is "where a child aged 0-5 years is in the family".
    { line = 183, reason = "0-5 Complex needs a child aged 0-5 in the family",
      check = function(case, input, facts)
        if case.data.level ~= "0_5_complex" then return true end
        for _, m in ipairs(children(case)) do
          if m.dob and age_years(m.dob, facts.today) <= 5 then return true end
        end
        return false
      end },
  },
  effect = function(case, input) case.data.pf_criteria_met = pf_count(input) end,
  to = "allocation_meeting_pending",
  significant = "Triaged by the Early Help Officer: to the allocation meeting",
}

action "triage_reject" {
  line = 157, -- L157 triage; L99, L116, L129, L144-L146 the reasons
  title = "Triage: not eligible",
  from = "referral_received",
  by = "early_help_officer",
  input = {
    reason = enum { "pf_criteria_not_met", "threshold_not_met", "no_child_0_18",
                    "step_down_monitoring_only", "lower_level_support_not_exhausted",
                    "no_plan_or_assessment", required = true },
    detail = text { required = true },
  },
  effect = function(case, input)
    case.data.decline_reason = input.reason
    case.data.signposted_to = "stepped approach steps 1-2 (L271-L272)"
  end,
  to = "declined_not_eligible",
  significant = "Declined at triage",
}

-- L191: "Any safeguarding concerns should go through the MASH process". From
-- triage or the meeting queue the FSW referral stays where it is [INF, spec #4].
action "safeguarding_to_mash" {
  line = 191,
  title = "Refer a safeguarding concern to the MASH",
  from = { "referral_received", "allocation_meeting_pending" },
  by = { "early_help_officer", "early_help_caf_manager", "locality_fsw_team_manager" },
  creates = "mash_referral",
  input = { concern = text { required = true } },
  significant = "Safeguarding concern referred to the MASH",
}

-- Actions: the weekly locality allocation meeting ---------------------------------

action "allocate" {
  line = 166, -- L164-L166: the meeting "will identify capacity, timescales, and appropriate level of intervention and allocation"
  title = "Allocate a family support worker",
  from = "allocation_meeting_pending",
  by = "early_help_caf_manager",
  input = {
    fsw = user { required = true, role = "fsw" },
    screened_at_meeting = boolean { required = true },
    agreed_in_supervision = boolean { required = true },
  },
  creates = "allocation_record",
  requires = { "consent_for_service" },   -- L200 [INF] consent for service (spec 8.12)
  assign = "fsw",
  facts = { "assignee_cases" },
  guards = {
    -- L199: "All referrals will be screened prior to allocation between locality
    -- team managers and early help officers at locality allocation meetings".
    { line = 199, reason = "the referral has not been screened by the team managers and early help officers",
      check = function(case, input) return input.screened_at_meeting == true end },
    -- L219: "Allocation of work will need to be agreed via supervision".
    { line = 219, reason = "the allocation has not been agreed via supervision",
      check = function(case, input) return input.agreed_in_supervision == true end },
    -- L94, L215-L217 (Table 3): cases per worker 10-15; Complex Intensive 6-8.
    { line = 94, reason = "the worker would exceed the caseload cap (15; Complex Intensive 8; Table 3 L215-L217)",
      check = function(case, input, facts)
        local cap = facts.limits.fsw_max_cases
        if case.data.level == "complex_intensive" then cap = facts.limits.ci_fsw_max_cases end
        return facts.assignee_cases + 1 <= cap
      end },
    -- L109, L204: assigned (not lead) workers need a working agreement with
    -- outcomes and timescales; L217 Complex Intensive with a social worker.
    { line = 109, reason = "a Complex-Intensive FSW assigned alongside a social worker needs a working agreement",
      check = function(case)
        if case.data.level ~= "complex_intensive" or case.data.social_worker_allocated ~= true then return true end
        return has_record(case, "working_agreement")
      end },
  },
  -- L217: "When social worker allocated FSW will be assigned worker"; L128,
  -- L183: without a single assessment the FSW writes it first.
  to = function(case)
    if case.data.level == "complex_intensive" and case.data.social_worker_allocated == true then
      return "ci_assigned_worker_active"
    end
    if not has_record(case, "single_assessment") then return "single_assessment_in_progress" end
    return "intervention_active"
  end,
  targets = { "ci_assigned_worker_active", "single_assessment_in_progress", "intervention_active" },
  effect = function(case, input, facts)
    -- L107, L217: the social worker is lead professional at CIN/CP; otherwise the FSW (spec 8.13).
    if case.data.level == "complex_intensive" and case.data.social_worker_allocated == true then
      case.data.lead_professional = "social_worker"
    else
      case.data.lead_professional = "fsw"
    end
    case.data.allocated_on = facts.today
  end,
  significant = "Allocated at the locality allocation meeting",
}

-- L189-L191: "Where capacity is not available the family will be declined a
-- service until capacity is available. However no waiting list will be held".
action "decline_no_capacity" {
  line = 189,
  title = "Decline: no capacity (no waiting list)",
  from = "allocation_meeting_pending",
  by = "early_help_caf_manager",
  input = { reason = text { required = true } },
  set = { waiting_list = false, network_continues_support = true },
  effect = function(case, input) case.data.decline_reason = input.reason end,
  to = "declined_no_capacity",
  significant = "Declined for lack of capacity; early help network continues support",
}

-- L166 [INF]: the meeting identifies the "appropriate level of intervention" as
-- below the FSW service.
action "decline_level_inappropriate" {
  line = 166,
  title = "Decline: level of intervention not FSW",
  from = "allocation_meeting_pending",
  by = "early_help_caf_manager",
  input = { reason = text { required = true } },
  effect = function(case, input) case.data.decline_reason = input.reason end,
  to = "declined_not_eligible",
  significant = "Declined at the allocation meeting",
}

-- Actions: the intervention ------------------------------------------------------

-- L128: "the FSW may need to write the single assessment"; L183.
action "single_assessment_completed" {
  line = 128,
  title = "Single assessment written",
  from = "single_assessment_in_progress",
  by = "assigned",
  requires = { "single_assessment" },
  to = "intervention_active",
  significant = "Single assessment completed by the FSW",
}

-- L205: "Clear review process in place at 3 months, 6 months, 9 months and 12 months with SMART FSW plans".
action "review_held" {
  line = 205,
  title = "Hold a review (SMART FSW plan)",
  from = { "single_assessment_in_progress", "intervention_active", "ci_assigned_worker_active",
           "assertive_outreach", "locality_panel_review", "exit_planning",
           "step_up_mash_referred", "step_up_transition", "step_down_exit_support" },
  by = "assigned",
  creates = "review_record",
  input = { held_on = date { required = true } },
  effect = function(case) case.data.reviews_held = (case.data.reviews_held or 0) + 1 end,
  significant = "Review held",
}

-- L210: "Use of locality panels to review 'stuck cases' and capacity to change".
action "refer_stuck_case" {
  line = 210,
  title = "Refer a stuck case to the locality panel",
  from = "intervention_active",
  by = { "assigned", "locality_fsw_team_manager" },
  input = { why_stuck = text { required = true } },
  to = "locality_panel_review",
  significant = "Stuck case referred to the locality panel",
}

action "panel_outcome" {
  line = 210, -- L210 [INF]: outcomes not described (spec #11)
  title = "Locality panel outcome",
  from = "locality_panel_review",
  by = "locality_panel",
  input = {
    outcome = enum { "continue", "exit", required = true },
    capacity_to_change = text { required = true },
  },
  to = function(case, input)
    if input.outcome == "exit" then return "exit_planning" end
    return "intervention_active"
  end,
  targets = { "intervention_active", "exit_planning" },
  significant = "Locality panel reviewed the case",
}

-- L200: "If families do not engage after an assertive outreach approach ..."
action "non_engagement_identified" {
  line = 200,
  title = "Family not engaging: start assertive outreach",
  from = "intervention_active",
  by = "assigned",
  to = "assertive_outreach",
}

action "family_engages" {
  line = 200,
  title = "Family re-engages",
  from = "assertive_outreach",
  by = "assigned",
  to = "intervention_active",
}

-- L200: "If families do not engage after an assertive outreach approach then a
-- letter will be sent to the referrer and family advising of closure and
-- signposting to community resources".
action "close_non_engagement" {
  line = 200,
  title = "Close: non-engagement",
  from = "assertive_outreach",
  by = { "assigned", "locality_fsw_team_manager" },
  guards = {
    { line = 200, reason = "no assertive outreach attempt has been recorded",
      check = function(case, input, facts)
        local list = case.records and case.records.outreach_attempt or {}
        return #list >= facts.limits.outreach_attempts_min
      end },
  },
  requires = { "closure_letter_referrer", "closure_letter_family" },
  to = "closed_non_engagement",
  significant = "Closed: family did not engage after assertive outreach",
}

-- L95: "an exit strategy completed by 12 months".
action "begin_exit" {
  line = 95,
  title = "Begin exit planning",
  from = "intervention_active",
  by = { "assigned", "locality_fsw_team_manager" },
  to = "exit_planning",
}

-- L206-L208: "Clear exit strategy recorded at Family Support Meetings and in
-- writing at point of closure with signposting to community resources to both
-- referrer and family. Family Information Service (FIS) to be a standard part
-- of the exit plan"; L255 the same for step-down exit support.
action "close_with_exit_strategy" {
  line = 206,
  title = "Close with the exit strategy",
  from = { "exit_planning", "step_down_exit_support" },
  by = "assigned",
  input = {
    written_to_referrer = boolean { required = true },
    written_to_family = boolean { required = true },
    unmet_need_flagged_to_panel = boolean {},
  },
  guards = {
    { line = 206, reason = "the exit strategy must be sent in writing to both the referrer and the family",
      check = function(case, input) return input.written_to_referrer == true and input.written_to_family == true end },
    { line = 206, reason = "FIS must be a standard part of the exit plan (L206-L208)",
      check = function(case)
        local es = latest(case, "exit_strategy")
        return es == nil or es.fis_included == true
      end },
    -- L255: step-down families "will need an exit plan involving the stepped approach".
    { line = 255, reason = "the step-down exit plan must involve the stepped approach",
      check = function(case)
        if case.state ~= "step_down_exit_support" then return true end
        local es = latest(case, "exit_strategy")
        return es == nil or (type(es.stepped_approach) == "string" and #es.stepped_approach > 0)
      end },
    -- L95: "Unmet need will be flagged through Early Help Locality Panels".
    { line = 95, reason = "unmet need in the exit strategy must be flagged to the Early Help Locality Panel",
      check = function(case, input)
        local es = latest(case, "exit_strategy")
        if es == nil or type(es.unmet_need) ~= "string" or #es.unmet_need == 0 then return true end
        return input.unmet_need_flagged_to_panel == true
      end },
  },
  requires = { "exit_strategy" },
  to = "closed_completed",
  significant = "Closed with the exit strategy",
}

-- Actions: step up (L237-L239) -------------------------------------------------------

-- L237: "If there are safeguarding concerns and a case has been referred through
-- to the MASH for a social work service, the arrangements of family support need
-- to be considered."
action "refer_to_mash" {
  line = 237,
  title = "Step up: refer to the MASH for a social work service",
  from = { "single_assessment_in_progress", "intervention_active", "assertive_outreach",
           "locality_panel_review", "exit_planning" },
  by = { "assigned", "locality_fsw_team_manager", "early_help_officer" },
  creates = "mash_referral",
  input = { concern = text { required = true } },
  effect = function(case) case.data.pre_mash_state = case.state end,
  to = "step_up_mash_referred",
  significant = "Stepped up: referred to the MASH",
}

-- L239: "If the family's needs meet the threshold for children's social care, a
-- single assessment will be conducted by a social worker."
action "threshold_met_sw_assessment_started" {
  line = 239,
  title = "Social care threshold met: social worker's assessment starts",
  from = "step_up_mash_referred",
  by = { "mash", "social_care_team_manager" },
  input = { social_worker = user { required = true, role = "social_worker" } },
  requires = { "family_support_arrangements" },   -- L237
  effect = function(case, input)
    case.data.social_worker = input.social_worker
    case.data.social_worker_allocated = true
  end,
  to = "step_up_transition",
  significant = "Step-up transition started",
}

-- [INF] spec #19: not described; the case returns to where it was.
action "threshold_not_met" {
  line = 239,
  title = "Social care threshold not met",
  from = "step_up_mash_referred",
  by = { "mash", "social_care_team_manager" },
  to = function(case) return case.data.pre_mash_state end,
  targets = { "single_assessment_in_progress", "intervention_active", "assertive_outreach",
              "locality_panel_review", "exit_planning" },
  significant = "Social care threshold not met: FSW work continues",
}

-- L239: "After which the involvement of the FSW will close as CIN/CPP process will start."
action "cin_cpp_started" {
  line = 239,
  title = "CIN/CPP started: FSW involvement closes",
  from = "step_up_transition",
  by = { "social_worker", "social_care_team_manager" },
  input = { plan = enum { "cin", "cp", required = true } },
  requires = { "step_up_handover" },   -- L239 "information to be handed over"
  to = "closed_stepped_up",
  significant = "Stepped up: CIN/CPP started, FSW involvement closed",
}

-- [INF] spec #21: the assessment finds no statutory plan is needed.
action "sw_assessment_no_statutory_plan" {
  line = 239,
  title = "Social work assessment: no statutory plan",
  from = "step_up_transition",
  by = { "social_worker", "social_care_team_manager" },
  to = "intervention_active",
  significant = "Social work assessment ended without a CIN/CPP",
}

-- Actions: step down (L255) ---------------------------------------------------------

-- L255: "Families that are ending a CIN/CPP with FSW intervention from complex
-- intensive will need an exit plan involving the stepped approach."
action "cin_cpp_ending" {
  line = 255,
  title = "CIN/CPP ending: step down to exit support",
  from = "ci_assigned_worker_active",
  by = { "social_worker", "social_care_team_manager" },
  input = { stepped_approach = text { required = true } },
  effect = function(case, input)
    case.data.exit_plan_stepped_approach = input.stepped_approach
  end,
  to = "step_down_exit_support",
  significant = "CIN/CPP ending: step-down exit support",
}
