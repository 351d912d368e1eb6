-- workflows/bristol/families_in_focus.lua: Bristol Families in Focus (FiF) episode.
--
-- Source: shared/seeds/000_f11e1e0f13a59c3f.txt (L<n> = `cat -n` line), read
-- with shared/spec/bristol.md (§2 roles, §3.2-§3.5 states and transitions, §4
-- timers TM-B1..TM-B16, §6 records, §8 ambiguities). The source is a service
-- overview: the SAF deadline, the TAF review interval and the
-- allocation-to-first-contact time are in Appendix 9, which is ABSENT (L130,
-- L169; spec §0, §8.1). They are therefore NOT encoded as timescales: there is
-- no number to encode.
--
-- One case is one FiF episode for one family (spec §3.1). The statutory
-- assessment (§3.4) and the short intervention episode (§3.5) are states of
-- this workflow, as the spec models them (their outcomes are states of this
-- machine). The parenting service (§3.6) is a linked case (workflows/bristol/
-- parenting.lua) spawned by lm_parenting_1to1 and refer_to_parenting; the case
-- audit (§3.8) is a linked case spawned by start_case_audit
-- (case_audit.lua); the Weapons/Drugs in School pathway (§3.7) is its own
-- workflow (weapons_drugs_school.lua), opened by the EIM.
--
-- Timescales (spec §4) encoded here, named with the spec's id:
--   TM_B1_statutory_assessment_45_days  L164  45 calendar days ("usually": soft, alert only)
--   TM_B2_case_note_7_days              L186  7 days, per child (L188: note against every child)
--   TM_B3_significant_event_24h         L186  24 hours
--   TM_B4_keyworker_12_months           L120  12 months ("up to": breach alert, no auto-close)
--   TM_B5_fsw_6_months                  L121  6 months (explicitly soft: advisory)
--   TM_B15_locality_meeting_1_week      L45   1 week [INF] ("weekly" meeting)
-- Elsewhere: TM-B6 case_audit.lua; TM-B7, TM-B8 weapons_drugs_school.lua;
-- TM-B9, TM-B10 parenting.lua. Not timers (spec §4 says so): TM-B11 is a
-- session count (guard in parenting.lua), TM-B12 the s85 eligibility guard
-- (direct_statutory_assessment below), TM-B13 the genogram "at the earliest
-- point of involvement" (required record at saf_completed and close_case),
-- TM-B14 the case-summary review (guard at close_case), TM-B16 the chronology
-- "periodically" (log_significant_event creates a chronology entry).
--
-- Deviations from the spec's ids and transitions (each [INF]):
--   * #9 lm_allocate_fif_lead_professional(worker_type) is split into
--     lm_allocate_keyworker and lm_allocate_fsw: the two worker types have
--     different guards (L119-L120 eligibility and the 7-family cap) and
--     different duration clocks (TM-B4 vs TM-B5).
--   * SA2-SA5 assessment_outcome(outcome) is one action with a computed target.
--   * #12 lm_parenting_1to1 moves the episode to fif_specific_intervention (the
--     parenting practitioner delivers "a specific piece of intervention"
--     alongside the social worker, L60) and spawns the parenting case.
--   * #22 consent_withdrawn is allowed in the states where a FiF worker holds
--     the case (before allocation First Response and the Locality Meeting have
--     their own outcomes, and there is no worker to record it).
--   * Terminal [INF]: childrens_centre_support and external_lp_taf (hand-offs:
--     FiF holds no case there), stepped_up_area_sw (FiF involvement ends; joint
--     working is the separate outcome joint_working_area_sw, L64-L65).
--   * handover_to_continuing_lp requires the closure record [INF]: it ends the
--     FiF episode and L190's overview for First Response applies.
--   * The significant-event clock (TM-B3) runs from when the worker logs the
--     event (the time it is known), not from an earlier occurrence time: the
--     engine anchors clocks on events (spec §8.6 allows "time known").
--   * Case notes (TM-B2) run from when the contact is logged (spec §8.6: the
--     contact date).
--   * FTE pro-rating of the keyworker cap is not encoded (no FTE fact).
--   * #4 refer_to_locality_meeting is opening a case in the entry state
--     locality_meeting_listed; its guard ("already open to another team", L32)
--     and consent (L33) are checked when the meeting allocates FiF support,
--     because opening a case runs no guards.
--   * urgent_safeguarding_referral (spec §8.13) records the referral and sets a
--     flag without moving the state.
--
-- Not encoded (staff-level, not case-level): supervision "in line with Bristol
-- City Council's policy" (L449); bi-monthly clinical supervision groups
-- (L447); the audit cycle of Appendix 12 (L439, ABSENT); EBPP practice
-- observation once a year per practitioner (L269); the weekly Locality Meeting
-- itself (L45), the monthly ASB meeting (L291), termly bulletins, quarterly
-- MANS meetings (L414), termly TAS surgeries and EIM school meetings (L86,
-- L383). The FSW caseload "On average ... 8 - 10 families" (L121) is an
-- average, so it is not a guard (spec §8.5). The "regular" SoS review and ROM
-- benchmarking "on a frequent basis" (L125, L204) have no interval.
--
-- [DOC] unless marked [INF].

workflow "families_in_focus" {
  title = "Families in Focus episode",
  document = "000_f11e1e0f13a59c3f.txt",
  initial = "fr_submitted",                 -- L32, L41: the First Response online form
  -- L32 First Response form (referrer); L55 Locality Meeting referrals from
  -- anyone in Children and Families Services (entry state locality_meeting_listed).
  opened_by = { "referrer", "first_response", "area_social_worker", "fsw", "keyworker",
                "fif_social_worker", "fif_coordinator" },
  data = {
    referrer = text { required = true, label = "Referrer" },                          -- L32, L55
    locality = enum { "north", "east_central", "south", required = true, label = "Locality" }, -- L11, L37-L39
    reason = text { required = true, label = "Reason for referral" },                -- L190
    consent = boolean { required = true, label = "Family consents to the referral, to working with agencies and to information sharing" }, -- L33
    multi_agency_evidence = boolean { required = true, label = "Referrer has talked to other professionals" }, -- L33
    request_type = enum { "fif_support", "childrens_centre_1to1", "area_sw_non_urgent",
                          "parenting_1to1", "statutory_sw_allocation",
                          label = "Locality Meeting request" },                         -- L48-L51, L164
    already_open_to = text { label = "Team the family is already open to" },          -- L32
  },
  significant = "Referral received",
}

-- Helpers (pure) -------------------------------------------------------------

-- Days since 0000-03-01 for a "YYYY-MM-DD" date (civil calendar), so that two
-- dates can be subtracted without a clock.
local function day_number(s)
  local y, m, d = s:match("^(%d+)-(%d+)-(%d+)$")
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy
end

local function count(case, rtype)
  local list = case.records and case.records[rtype]
  return list and #list or 0
end

local function latest(case, rtype)
  local list = case.records and case.records[rtype]
  if not list or #list == 0 then return nil end
  local r = list[#list]
  return r.fields or r
end

-- States where a FiF worker holds the case ("a case open to Families in Focus", L162).
local FIF_OPEN = {
  "fif_specific_intervention", "fif_lp_assessment", "fif_lp_plan_active",
  "joint_working_area_sw", "short_intervention_active",
}
local function is_open_to_fif(state)
  for _, s in ipairs(FIF_OPEN) do if s == state then return true end end
  return false
end
-- States where casework is recorded (case notes, significant events).
local WORKING = {
  "fif_specific_intervention", "fif_lp_assessment", "fif_lp_plan_active",
  "joint_working_area_sw", "short_intervention_active", "statutory_assessment_active",
  "closing",
}

local consent_guard = {
  line = 33, reason = "the family has not consented to the referral, to working with agencies and to information sharing",
  -- L33: "Families need to consent to a referral being made and agree to working with agencies"
  check = function(case) return case.data.consent == true end,
}

-- Spec §3.3 #4: the Locality Meeting route into FiF support is for families
-- already open to another team; everyone else comes through the First Response
-- form (or back from a FiF statutory assessment, L164). Checked when the
-- meeting allocates FiF support, since opening a case runs no guards.
local route_guard = {
  line = 32, reason = "the Locality Meeting route to FiF support is for families already open to another team (others use the First Response form)",
  -- L32: "through the completion of the First Response online form or if already open to another team, through the weekly Locality Meetings"
  check = function(case)
    local d = case.data
    return d.route == "first_response" or d.statutory_assessment_outcome ~= nil
      or (d.already_open_to ~= nil and d.already_open_to ~= "")
  end,
}

-- States ---------------------------------------------------------------------

state "fr_submitted" { line = 41, title = "First Response form received" }                       -- L32, L41
state "fr_returned_to_referrer" { line = 41, terminal = true, title = "Returned to referrer (incomplete)" } -- L41
state "locality_meeting_listed" { line = 45, entry = true, title = "Listed for the weekly Locality Meeting" } -- L32, L45-L55
state "signposted" { line = 57, terminal = true, title = "Signposted to community resources" }   -- L53, L57
state "childrens_centre_support" { line = 58, terminal = true, title = "Children's Centre services (hand-off) [INF terminal]" } -- L49, L58
state "external_lp_taf" { line = 59, terminal = true, title = "Health/Education/other lead professional [INF terminal]" } -- L59, L131
state "fif_specific_intervention" { line = 60, title = "FiF worker delivers a specific piece of intervention (TAF)" } -- L60, L61
state "fif_lp_assessment" { line = 62, title = "FiF lead professional: Single Assessment (SAF) in progress" } -- L62, L124
state "fif_lp_plan_active" { line = 125, title = "FiF lead professional: Next Steps / Family Plan active" } -- L124-L126
state "short_intervention_active" { line = 129, title = "Short intervention episode" }           -- L129
state "statutory_assessment_active" { line = 158, title = "Statutory assessment by the FiF Social Worker" } -- L158-L164
state "joint_working_area_sw" { line = 65, title = "Joint working with area social work" }      -- L64, L65
state "stepped_up_area_sw" { line = 63, terminal = true, title = "Stepped up: area social worker is lead professional" } -- L63, L164
state "stepped_down_universal" { line = 164, terminal = true, title = "Stepped down to universal services" } -- L164
state "closing" { line = 131, title = "Sustainable plan agreed; closure record in preparation" } -- L131, L190
state "closed" { line = 190, terminal = true, title = "Closed" }                                 -- L190

-- Records --------------------------------------------------------------------

-- L118: "ask them to sign the How we handle your information form (Appendix 8)"
record "information_form" {
  line = 118, title = "How we handle your information",
  fields = {
    status = enum { "signed", "refused", required = true },   -- [INF] spec §6: signed or refused
    informed_on = date { required = true },
  },
}
-- L175: "completed with every family at the earliest point of involvement ...
-- always include resident and non-resident family members"
record "genogram" {
  line = 175,
  fields = {
    resident_members = text { required = true },
    non_resident_members = text { required = true },
    strengths_and_networks = text {},
  },
}
-- L177: "All significant events should be added to the chronology periodically"
record "chronology_entry" {
  line = 177,
  fields = { event = text { required = true }, occurred_on = date { required = true } },
}
-- L179: reason for involvement and an up-to-date picture
record "case_summary" {
  line = 179,
  fields = {
    reason_for_involvement = text { required = true },
    current_picture = text { required = true },
    contacts = text {},
  },
}
-- L124: the Single Assessment using Signs of Safety
record "single_assessment" {
  line = 124, title = "Single Assessment (SAF, Signs of Safety)",
  by = { "assigned" },
  fields = {
    childs_voice = text { required = true, label = "The child's voice, heard and evidenced" },
    family_members_included = boolean { required = true },
    children_seen_and_spoken_to = boolean { required = true },
    support_network = text { required = true },
    network_contributed = boolean { required = true },
    analysis = text { required = true, label = "Analysis of need or risk" },
    next_steps = text { required = true, label = "Initial plan (Next Steps)" },
  },
}
-- L125-L126, L202, L204: review through TAF or Family Network Meeting
record "taf_review" {
  line = 126, title = "TAF / Family Network Meeting review",
  fields = {
    meeting = enum { "taf", "family_network_meeting", required = true },
    tasks_agreed = text { required = true },
    fop_progress = text {},            -- L202 Family Outcome Plan progress
    rom_benchmark = text {},           -- L204 routine outcome monitoring
    safety_goals = text {},            -- L204
  },
}
-- L184-L188: case notes against every child in the episode and the adult
record "case_note" {
  line = 186,
  by = { "assigned", "fsw", "keyworker", "fif_social_worker", "specialist", "parenting_practitioner" },
  fields = {
    member = member { label = "Child the note is recorded against (blank: every child)" }, -- L188
    adult = member {},                                                     -- L188
    reason_for_contact = text { required = true, max_length = 200 },       -- L188 "short and succinct" [INF length]
    detailed_notes = text { required = true },                             -- L188
    purpose = text { required = true },                                    -- L188
    seen_and_spoken_to = text { required = true },                         -- L188
  },
}
-- L223: specialists added as a "co-worker" through the involvements tab
record "coworker_involvement" {
  line = 223,
  fields = {
    specialist = user { required = true, role = "specialist" },
    specialist_type = enum { "parenting", "youth_and_community", "adult_mental_health",
                             "primary_mental_health", "idva", "dwp_employment",
                             "substance_misuse", "education_inclusion", "youth_justice",
                             required = true },                          -- L210-L219
    area_manager_agreed = boolean {},                                    -- L221
  },
}
-- L129: the short intervention plan and session plan
record "short_intervention_plan" {
  line = 129,
  fields = {
    reason = text { required = true },
    outcomes_to_achieve = text { required = true },
    sessions_planned = integer { required = true, min = 1 },
    safety_goals = text {},            -- L204 "All interventions ... will identify safety goals"
  },
}
record "short_intervention_outcomes" {
  line = 129, by = { "assigned" },
  fields = { outcomes_completed = text { required = true } },
}
-- L158: "All Child in Need assessments will be completed on LCS"
record "statutory_assessment" {
  line = 158, by = { "assigned", "fif_social_worker" },
  fields = {
    lcs_reference = text { required = true },
    analysis = text { required = true },
  },
}
-- L190: the closure record
record "closure_record" {
  line = 190,
  by = { "assigned" },
  fields = {
    reason_for_referral = text { required = true },
    work_completed = text { required = true },
    work_not_completed = text { required = true },
    reason_for_closure = enum { "goals_achieved", "sustainable_plan", "continuing_lead_professional",
                                "statutory_assessment_closure", "consent_withdrawn",
                                "non_engagement", "other", required = true },  -- [INF] spec §3.9
    service_user_feedback = text { required = true },
    outstanding_actions_or_risks = text { required = true },
    safety_or_exit_plan = text { required = true },
    feedback_questionnaire_attached = boolean { required = true },
  },
}

-- Timescales -----------------------------------------------------------------

-- L164: "completed within timescales (usually 45 days)"
timescale "TM_B1_statutory_assessment_45_days" {
  line = 164,
  what = "Statutory assessment completed (usually 45 days of the co-ordinator's direction)",
  within = days(45),
  from = "direct_statutory_assessment",
  satisfied_by = "assessment_outcome",
  note = "spec §8.3: calendar days from the direction; 'usually' makes it a soft target (alert, no transition)",
  on_breach = { effect = function(case) case.data.statutory_assessment_overdue = true end },
}
-- L186: "Case notes should be completed within 7 days"; L188: "made against
-- every child in the family included in the episode"
timescale "TM_B2_case_note_7_days" {
  line = 186,
  what = "Case note completed for each child within 7 days of the contact",
  within = days(7),
  per = "child",
  from = "log_contact",
  satisfied_by = "record:case_note",
  note = "spec §8.6: clock from the contact; per child because of L188",
}
-- L186: "unless there is a significant event, when the case record should be
-- completed within 24 hours"
timescale "TM_B3_significant_event_24h" {
  line = 186,
  what = "Case record completed within 24 hours of a significant event",
  within = hours(24),
  from = "log_significant_event",
  satisfied_by = "record:case_note",
  note = "spec §8.6: runs from the time the event is known (when it is logged)",
}
-- L120: "Keyworkers will work intensively with up to 7 families per full time
-- worker for up to 12 months."
timescale "TM_B4_keyworker_12_months" {
  line = 120,
  what = "Keyworker intervention ends within 12 months of allocation",
  within = months(12),
  from = "lm_allocate_keyworker",
  satisfied_by = { "enter:closing", "transfer_lp_to_specialist" },
  applies_in = { "fif_lp_assessment", "fif_lp_plan_active", "joint_working_area_sw", "closing" },
  note = "spec §8.4: breach alert; no automatic closure",
}
-- L121: "Family Support workers will work with 8 - 10 families for up to 6
-- months, although at times support is required for a longer period of time."
timescale "TM_B5_fsw_6_months" {
  line = 121,
  what = "FSW intervention normally ends within 6 months of allocation (advisory)",
  within = months(6),
  from = "lm_allocate_fsw",
  satisfied_by = { "enter:closing", "transfer_lp_to_specialist" },
  applies_in = { "fif_lp_assessment", "fif_lp_plan_active", "joint_working_area_sw", "closing" },
  note = "spec §8.4: explicitly soft ('at times ... longer'): advisory, never blocks",
}
-- L45: "Locality Meetings occur ... on a weekly basis"; L164: "Requests for
-- statutory social work allocation will go through the weekly locality meeting"
timescale "TM_B15_locality_meeting_1_week" {
  line = 45,
  what = "Listed case decided at the next weekly Locality Meeting (within 1 week) [INF]",
  within = weeks(1),
  from = "enter:locality_meeting_listed",
  satisfied_by = { "lm_signpost", "lm_childrens_centre", "lm_external_lead_professional",
                   "lm_allocate_fif_specific_intervention", "start_short_intervention",
                   "lm_allocate_keyworker", "lm_allocate_fsw", "lm_allocate_area_social_worker",
                   "lm_joint_work", "lm_parenting_1to1" },
  cancelled_by = { "direct_statutory_assessment" },
  note = "spec TM-B15 [INF]: a weekly meeting means a listed case should be decided within a week",
}

-- Actions: First Response (L41) ----------------------------------------------

action "fr_accept" {
  line = 41, title = "First Response accepts the form",
  from = "fr_submitted", by = "first_response",
  input = {
    threshold_met = boolean { required = true, label = "Threshold Guidance 2018 met" },  -- L34
  },
  guards = {
    consent_guard,
    { line = 33, reason = "the referrer has not shown they talked to other professionals",
      -- L33: "Referrers will also need to demonstrate that they have talked to other professionals"
      check = function(case) return case.data.multi_agency_evidence == true end },
    { line = 34, reason = "the threshold in the Threshold Guidance 2018 is not met",
      -- L34: "The threshold ... is described in the Threshold Guidance 2018" [ABSENT]
      check = function(case, input) return input.threshold_met == true end },
  },
  -- spec §8.2: accepted forms go to the Locality Meeting, which "Allocate[s] resources" (L48, L52)
  to = "locality_meeting_listed",
  set = { request_type = "fif_support", route = "first_response" },
  significant = "Accepted by First Response",
}
action "fr_return_incomplete" {
  line = 41, title = "Return to the referrer (insufficient or incomplete information)",
  -- L41: "those referred with insufficient or incomplete information are not accepted and are returned to the referrer"
  from = "fr_submitted", by = "first_response",
  input = { reason = text { required = true } },
  to = "fr_returned_to_referrer",
  effect = function(case, input) case.data.return_reason = input.reason end,
  significant = "Returned to referrer",
}

-- Actions: Locality Meeting outcomes (L56-L64) ---------------------------------

action "lm_signpost" {
  line = 57, title = "Signpost the referrer to community resources",
  -- L57: "Signposting the referrer to appropriate and suitable existing community based resources"
  from = "locality_meeting_listed", by = "locality_meeting",
  input = { resources = text { required = true } },
  to = "signposted",
  effect = function(case, input) case.data.signposted_to = input.resources end,
}
action "lm_childrens_centre" {
  line = 58, title = "Access to Children's Centre services",
  -- L58: "Access to Children's Centre services"; L49 Children Centre 1:1 targeted family support
  from = "locality_meeting_listed", by = "locality_meeting",
  input = { centre = text { required = true } },
  to = "childrens_centre_support",
}
action "lm_external_lead_professional" {
  line = 59, title = "Health/Education/other professional as lead professional",
  -- L59: "A Health/Education or other appropriate professional to act as Lead Professional"
  from = "locality_meeting_listed", by = "locality_meeting",
  input = {
    agency = enum { "health", "education", "other", required = true },
    lead_professional = text { required = true },
  },
  to = "external_lp_taf",
  effect = function(case, input) case.data.external_lead_professional = input.lead_professional end,
}
action "lm_allocate_fif_specific_intervention" {
  line = 60, title = "Allocate a FiF worker for a specific piece of intervention",
  -- L60-L61: FiF worker delivers a specific piece of intervention; the lead professional is from another agency
  from = "locality_meeting_listed", by = "locality_meeting",
  input = {
    worker = user { required = true },
    lead_professional_agency = text { required = true },
  },
  guards = { consent_guard, route_guard },
  assign = "worker",
  to = "fif_specific_intervention",
  significant = "FiF worker allocated (specific intervention)",
}
action "start_short_intervention" {
  line = 129, title = "Start a short intervention episode",
  -- L129: "When a Lead professional role has not been agreed but a specific, time
  -- limited piece of work is required ... a short intervention episode will be used"
  from = "locality_meeting_listed", by = "locality_meeting",
  input = {
    worker = user { required = true },
    lead_professional_agreed = boolean { required = true },
    need_well_understood = boolean { required = true },
    reason = text { required = true },
    outcomes_to_achieve = text { required = true },
    sessions_planned = integer { required = true, min = 1 },
    safety_goals = text {},
  },
  creates = "short_intervention_plan",
  guards = {
    consent_guard, route_guard,
    { line = 129, reason = "a lead professional role has been agreed: use a lead professional episode",
      check = function(case, input) return input.lead_professional_agreed == false end },
    { line = 129, reason = "the need is not already well understood (a SAF is required)",
      -- L129: "no requirement for a SAF assessment as the need ... is already well understood"
      check = function(case, input) return input.need_well_understood == true end },
  },
  assign = "worker",
  to = "short_intervention_active",
  set = { sessions_delivered = 0 },
  significant = "Short intervention episode started",
}
action "lm_allocate_keyworker" {
  line = 62, title = "Allocate a keyworker (Strengthening Families) as lead professional",
  -- L62: "Families in Focus worker to act as a Lead Professional"; L112
  from = "locality_meeting_listed", by = "locality_meeting",
  input = {
    keyworker = user { required = true, role = "keyworker" },
    multiple_competing_stressors = boolean { required = true },
    risk_of_care_or_criminality = boolean { required = true },
  },
  facts = { "assignee_cases" },
  guards = {
    consent_guard, route_guard,
    { line = 119, reason = "the family does not meet the Strengthening Families criteria",
      -- L119: "multiple and competing stressors where there is a strong possibility of a child
      -- or young person becoming a Child in Care or engaging in serious criminality"
      check = function(case, input)
        return input.multiple_competing_stressors == true and input.risk_of_care_or_criminality == true
      end },
    { line = 120, reason = "the keyworker already works with 7 families (up to 7 per full time worker)",
      -- L120: "Keyworkers will work intensively with up to 7 families per full time worker"
      check = function(case, input, facts)
        return facts.assignee_cases < facts.limits.keyworker_families
      end },
  },
  assign = "keyworker",
  to = "fif_lp_assessment",
  set = { lead_professional_type = "keyworker" },
  significant = "Keyworker allocated as lead professional",
}
action "lm_allocate_fsw" {
  line = 62, title = "Allocate a Family Support Worker as lead professional",
  -- L62; L121: FSW caseload "On average ... 8 - 10" is soft (spec §8.5), so no guard
  from = "locality_meeting_listed", by = "locality_meeting",
  input = { fsw = user { required = true, role = "fsw" } },
  guards = { consent_guard, route_guard },
  assign = "fsw",
  to = "fif_lp_assessment",
  set = { lead_professional_type = "fsw" },
  significant = "Family Support Worker allocated as lead professional",
}
action "lm_allocate_area_social_worker" {
  line = 63, title = "Step up: area social worker as lead professional",
  -- L63: "A Social Worker from an area social work team to act as Lead Professional and
  -- investigate any concerns where a child/young person may be at risk of significant harm"
  -- L164: "Requests for statutory social work allocation will go through the weekly locality meeting"
  from = "locality_meeting_listed", by = "locality_meeting",
  input = {
    social_worker = user { required = true, role = "area_social_worker" },
    risk_of_significant_harm = boolean { required = true },
  },
  guards = {
    { line = 63, reason = "no concern that a child may be at risk of significant harm",
      check = function(case, input) return input.risk_of_significant_harm == true end },
  },
  assign = "social_worker",
  to = "stepped_up_area_sw",
  significant = "Stepped up to area social work",
}
action "lm_joint_work" {
  line = 64, title = "Joint work with area social work",
  -- L64: "Joint work between professionals"; L65: "work jointly with area Social Work
  -- colleagues for a period of time ... the Joint Working protocol should be followed"
  from = "locality_meeting_listed", by = "locality_meeting",
  input = {
    fif_worker = user { required = true },
    area_social_worker = user { required = true, role = "area_social_worker" },
  },
  guards = { consent_guard },
  assign = "fif_worker",
  to = "joint_working_area_sw",
  effect = function(case, input) case.data.joint_area_social_worker = input.area_social_worker end,
  significant = "Joint working with area social work",
}
action "lm_parenting_1to1" {
  line = 51, title = "1:1 parenting support for a social worker's family",
  -- L51: "Consider referrals from social workers for 1:1 parenting support from the
  -- Parenting Support Team in FIF"; L227 "via the Locality Meetings"
  from = "locality_meeting_listed", by = "locality_meeting",
  input = { practitioner = user { required = true, role = "parenting_practitioner" } },
  guards = {
    consent_guard,
    { line = 51, reason = "1:1 parenting via the Locality Meeting is a social worker's request",
      check = function(case) return case.data.request_type == "parenting_1to1" end },
  },
  assign = "practitioner",
  to = "fif_specific_intervention",
  spawn = { workflow = "parenting", data = function(case, input) return { referral_source = "locality_meeting" } end },
  significant = "1:1 parenting allocated",
}

-- Actions: statutory assessment (§3.4, L158-L164) ------------------------------

action "direct_statutory_assessment" {
  line = 158, title = "Direct a statutory assessment by a FiF Social Worker",
  -- L158: "specific statutory assessments as directed by the Families in Focus co-ordinator"
  from = { "locality_meeting_listed", "fif_specific_intervention", "fif_lp_assessment",
           "fif_lp_plan_active", "joint_working_area_sw", "short_intervention_active" },
  by = "fif_coordinator",
  input = {
    social_worker = user { required = true, role = "fif_social_worker" },
    assessment_type = enum { "s17_intentionally_homeless", "s85_hospital", "s17za_young_carer",
                             "s7_private_proceedings", required = true },
    at_risk_of_street_homelessness = boolean {},
    hospital_admission = date {},
    la_considers_support_needs = boolean {},
    parent_requested = boolean {},
    subject_of_private_proceedings = boolean {},
  },
  guards = {
    { line = 159, reason = "s17 intentionally homeless: the family is not at risk of street homelessness",
      -- L159: "when a family is deemed at risk of street homelessness"
      check = function(case, input)
        return input.assessment_type ~= "s17_intentionally_homeless" or input.at_risk_of_street_homelessness == true
      end },
    { line = 160, reason = "s85: the child has not been in hospital for 12 weeks or more",
      -- L160: "where a child or young person is in hospital for 12 weeks or more" (spec §8.16: 84 days)
      check = function(case, input, facts)
        if input.assessment_type ~= "s85_hospital" then return true end
        if not input.hospital_admission then return false end
        return day_number(facts.today) - day_number(input.hospital_admission) >= facts.limits.s85_hospital_days
      end },
    { line = 161, reason = "s17ZA: the LA does not consider there may be support needs and the parent has not requested one",
      -- L161: "If a Local Authority considers that a young carer may have support needs ... if the parent ... requests one"
      check = function(case, input)
        return input.assessment_type ~= "s17za_young_carer"
          or input.la_considers_support_needs == true or input.parent_requested == true
      end },
    { line = 162, reason = "s7: the case is not open to Families in Focus and the subject of private proceedings",
      -- L162: "if a case open to Families in Focus is the subject of private proceedings"
      check = function(case, input)
        return input.assessment_type ~= "s7_private_proceedings"
          or (is_open_to_fif(case.state) and input.subject_of_private_proceedings == true)
      end },
  },
  assign = "social_worker",
  to = "statutory_assessment_active",
  effect = function(case, input) case.data.statutory_assessment_type = input.assessment_type end,
  significant = "Statutory assessment directed",
}
action "assessment_outcome" {
  line = 164, title = "Statutory assessment completed with a plan",
  -- L164: "a plan for either closure, step down to universal services, internal allocation
  -- to a Families in Focus service, or, if there are safeguarding concerns, allocation to the
  -- area social work team. Requests for statutory social work allocation will go through the
  -- weekly locality meeting."
  from = "statutory_assessment_active", by = { "assigned", "fif_social_worker" },
  input = {
    outcome = enum { "closure", "step_down_universal", "internal_fif_allocation", "safeguarding", required = true },
    plan = text { required = true },
  },
  requires = "statutory_assessment",    -- L158: completed on LCS
  to = function(case, input)
    if input.outcome == "closure" then return "closing" end
    if input.outcome == "step_down_universal" then return "stepped_down_universal" end
    return "locality_meeting_listed"
  end,
  targets = { "closing", "stepped_down_universal", "locality_meeting_listed" },
  effect = function(case, input)
    case.data.statutory_assessment_outcome = input.outcome
    if input.outcome == "safeguarding" then case.data.request_type = "statutory_sw_allocation" end
    if input.outcome == "internal_fif_allocation" then case.data.request_type = "fif_support" end
  end,
  significant = "Statutory assessment outcome",
}

-- Actions: lead professional episode (L122-L131) -------------------------------

action "saf_completed" {
  line = 124, title = "Single Assessment (SAF) completed with Next Steps",
  from = "fif_lp_assessment", by = "assigned",
  input = {
    childs_voice = text { required = true },
    family_members_included = boolean { required = true },
    children_seen_and_spoken_to = boolean { required = true },
    support_network = text { required = true },
    network_contributed = boolean { required = true },
    analysis = text { required = true },
    next_steps = text { required = true },
  },
  creates = "single_assessment",
  guards = {
    { line = 124, reason = "all relevant family members must be included and the children seen and spoken to",
      -- L124: "All relevant family members are included within the assessment and children are seen and spoken to"
      check = function(case, input)
        return input.family_members_included == true and input.children_seen_and_spoken_to == true
      end },
    { line = 124, reason = "the support network and agencies must contribute to the assessment",
      -- L124: "should contribute to the assessment in all cases"
      check = function(case, input) return input.network_contributed == true end },
  },
  -- L175 genogram "at the earliest point of involvement" (spec TM-B13); L118 information form
  requires = { "genogram", "information_form" },
  to = "fif_lp_plan_active",
  significant = "SAF completed",
}
action "taf_review_held" {
  line = 126, title = "Review through TAF or Family Network Meeting",
  -- L125: "Regularly review the Signs of Safety Mapping and Next Steps/Family Plan" (interval ABSENT, App. 9)
  -- L126: "through Team Around the Family or Family Network Meetings"
  from = "fif_lp_plan_active", by = { "assigned", "fif_social_worker" },  -- L140: the FiF SW may chair a difficult TAF
  input = {
    meeting = enum { "taf", "family_network_meeting", required = true },
    tasks_agreed = text { required = true },
    fop_progress = text {},
    rom_benchmark = text {},
    safety_goals = text {},
  },
  creates = "taf_review",
  -- L179: the case summary is to be reviewed after each review (checked at close_case)
  effect = function(case) case.data.summary_reviews_due = (case.data.summary_reviews_due or 0) + 1 end,
}
action "add_specialist_coworker" {
  line = 223, title = "Add a specialist as co-worker",
  -- L221: specialists join the TAF; alongside other lead professionals only "with clear
  -- agreement and direction from the FiF Area Manager"; L223 "co-worker" via involvements tab
  from = { "fif_lp_plan_active", "fif_specific_intervention" },
  by = { "assigned", "fif_area_manager" },
  input = {
    specialist = user { required = true, role = "specialist" },
    specialist_type = enum { "parenting", "youth_and_community", "adult_mental_health",
                             "primary_mental_health", "idva", "dwp_employment",
                             "substance_misuse", "education_inclusion", "youth_justice",
                             required = true },
    area_manager_agreed = boolean {},
  },
  creates = "coworker_involvement",
  guards = {
    { line = 221, reason = "the lead professional is outside FiF: the FiF Area Manager must agree",
      check = function(case, input)
        return case.state ~= "fif_specific_intervention" or input.area_manager_agreed == true
      end },
  },
}
action "transfer_lp_to_specialist" {
  line = 221, title = "A specialist becomes lead professional",
  -- L221: "a specialist may become the lead professional ... particularly when all other
  -- parts of the family action plan have been achieved. This will be with the agreement
  -- of the Families in Focus Co-ordinator." ("particularly" is soft: recorded, not a guard)
  from = "fif_lp_plan_active", by = "fif_coordinator",
  input = {
    specialist = user { required = true, role = "specialist" },
    other_plan_parts_achieved = boolean { required = true },
  },
  assign = "specialist",
  effect = function(case, input)
    case.data.lead_professional_type = "specialist"
    case.data.other_plan_parts_achieved = input.other_plan_parts_achieved
  end,
  significant = "Specialist became lead professional",
}
action "refer_to_parenting" {
  line = 227, title = "Refer to the parenting service",
  -- L227: "Parenting practitioners can receive referrals directly from lead professionals"
  from = { "fif_lp_assessment", "fif_lp_plan_active" }, by = "assigned",
  spawn = { workflow = "parenting", data = function(case, input) return { referral_source = "lead_professional" } end },
  significant = "Referred to the parenting service",
}
action "review_case_summary" {
  line = 179, title = "Review the case summary",
  -- L179: "The case summary should be reviewed following each review (TAF) at the least, or after a significant event."
  from = WORKING, by = "assigned",
  input = {
    reason_for_involvement = text { required = true },
    current_picture = text { required = true },
    contacts = text {},
  },
  creates = "case_summary",
}
action "request_statutory_sw_allocation" {
  line = 164, title = "Request statutory social work allocation (via the Locality Meeting)",
  -- L164: "Requests for statutory social work allocation will go through the weekly locality meeting."
  from = { "fif_lp_plan_active", "fif_specific_intervention", "joint_working_area_sw" },
  by = { "assigned", "fif_social_worker" },
  input = { concerns = text { required = true } },
  to = "locality_meeting_listed",
  set = { request_type = "statutory_sw_allocation" },
  significant = "Statutory social work allocation requested",
}
action "agree_joint_working" {
  line = 65, title = "Agree joint working with area social work",
  -- L64-L65 (Locality Meeting outcome [INF on who])
  from = "fif_lp_plan_active", by = "locality_meeting",
  input = { area_social_worker = user { required = true, role = "area_social_worker" } },
  to = "joint_working_area_sw",
  effect = function(case, input) case.data.joint_area_social_worker = input.area_social_worker end,
}
action "urgent_safeguarding_referral" {
  line = 50, title = "Urgent safeguarding referral (outside the Locality Meeting) [INF]",
  -- L50: the Locality Meeting considers only "non-urgent referrals for area social work teams";
  -- spec §8.13: record the urgent referral and set a flag, no state change
  from = WORKING, by = { "assigned", "fif_social_worker" },
  input = { concern = text { required = true } },
  set = { urgent_safeguarding_referral = true },
  significant = "Urgent safeguarding referral made",
}

-- Actions: short intervention (§3.5, L129) -------------------------------------

action "session_delivered" {
  line = 129, title = "Short intervention session delivered",
  -- L129: "Sessions are pre-planned and recorded in the session plan."
  from = "short_intervention_active", by = "assigned",
  input = { summary = text { required = true } },
  guards = {
    { line = 129, reason = "every planned session has been delivered: sessions must be pre-planned in the session plan",
      check = function(case)
        local plan = latest(case, "short_intervention_plan")
        return plan ~= nil and (case.data.sessions_delivered or 0) < plan.sessions_planned
      end },
  },
  effect = function(case) case.data.sessions_delivered = (case.data.sessions_delivered or 0) + 1 end,
}
action "finalise_plan" {
  line = 129, title = "Finalise the short intervention plan",
  -- L129: "Outcomes are completed before the plan is finalised."
  from = "short_intervention_active", by = "assigned",
  requires = "short_intervention_outcomes",
  to = "closing",
  significant = "Short intervention plan finalised",
}

-- Actions: casework recording (L173-L188) ---------------------------------------

action "log_contact" {
  line = 186, title = "Contact, visit or session held (case note due in 7 days)",
  from = WORKING, by = { "assigned", "fif_social_worker", "specialist" },   -- L223 specialists record in the open episode
  input = {
    contact = enum { "home_visit", "session", "meeting", "phone", "other", required = true },
  },
}
action "log_significant_event" {
  line = 186, title = "Significant event (case record due in 24 hours)",
  -- L177: "All significant events should be added to the chronology"
  from = WORKING, by = { "assigned", "fif_social_worker", "specialist" },
  input = {
    event = text { required = true },
    occurred_on = date { required = true },
  },
  creates = "chronology_entry",
  -- L179: the case summary is to be reviewed after a significant event (checked at close_case)
  effect = function(case) case.data.summary_reviews_due = (case.data.summary_reviews_due or 0) + 1 end,
  significant = "Significant event",
}

-- Actions: closure (L131, L190) -------------------------------------------------

action "begin_closure" {
  line = 131, title = "Sustainable plan agreed: begin closure",
  -- L131: "develop a sustainable plan so that both they and the professionals working with
  -- the family are clear as to the family's future after Families in Focus involvement"
  from = { "fif_lp_plan_active", "fif_specific_intervention", "joint_working_area_sw" },
  by = "assigned",
  input = { sustainable_plan = text { required = true } },
  to = "closing",
  effect = function(case, input) case.data.sustainable_plan = input.sustainable_plan end,
}
action "consent_withdrawn" {
  line = 33, title = "Family withdraws consent [INF]",
  -- L33 consent is a precondition; the document gives no withdrawal rule (spec §8.14)
  from = { "fif_specific_intervention", "fif_lp_assessment", "fif_lp_plan_active",
           "joint_working_area_sw", "short_intervention_active", "statutory_assessment_active" },
  by = "assigned",
  input = { recorded_on = date { required = true } },
  to = "closing",
  set = { consent = false },
}
action "handover_to_continuing_lp" {
  line = 131, title = "Hand over to a continuing lead professional",
  -- L131: "In some cases a lead professional will be identified to continue to co-ordinate the child and family plan."
  from = "closing", by = "assigned",
  input = {
    agency = enum { "health", "education", "other", required = true },
    lead_professional = text { required = true },
  },
  requires = "closure_record",   -- [INF] L190: the overview First Response reads on re-referral
  to = "external_lp_taf",
  effect = function(case, input) case.data.external_lead_professional = input.lead_professional end,
  significant = "Handed over to a continuing lead professional",
}
action "close_case" {
  line = 190, title = "Close the case",
  -- L190: closure record; spec §8.14: no closure approver named, so the lead professional closes [INF]
  from = "closing", by = "assigned",
  guards = {
    { line = 190, reason = "the service user feedback questionnaire must be completed and attached",
      -- L190: "A service user feedback questionnaire should be completed and attached"
      check = function(case)
        local r = latest(case, "closure_record")
        return r == nil or r.feedback_questionnaire_attached == true
      end },
    { line = 179, reason = "the case summary has not been reviewed after each TAF review and significant event",
      -- L179: reviewed "following each review (TAF) at the least, or after a significant event"
      check = function(case)
        -- no summary at all is the missing record below (requires), not this guard
        local due, n = case.data.summary_reviews_due or 0, count(case, "case_summary")
        return n == 0 or n >= 1 + due
      end },
  },
  -- L173: "All cases should have a Genogram, Chronology, and a Case Summary on EHM."
  requires = { "closure_record", "genogram", "chronology_entry", "case_summary" },
  to = "closed",
  significant = "Case closed",
}
action "start_case_audit" {
  line = 439, title = "Start a case audit",
  -- L437: "Audits will be completed alongside case workers"; L439: keyworkers, FSWs and SWs audited
  from = "*", by = "auditor",
  input = {
    ehm_reference = text { required = true },
    worker_type = enum { "keyworker", "fsw", "social_worker", required = true },
  },
  spawn = { workflow = "case_audit", data = function(case, input)
    return { audited_case = input.ehm_reference, worker_type = input.worker_type }
  end },
}
