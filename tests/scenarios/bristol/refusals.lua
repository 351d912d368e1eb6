-- tests/scenarios/bristol/refusals.lua: every refusal kind on the Families in
-- Focus episode: wrong_role, invalid_input (missing field, wrong type),
-- guard_failed (consent, multi-agency evidence, threshold, SAF content, the
-- 7-family keyworker cap, closure record, case summary, short intervention),
-- missing_record, wrong_state, case_closed.
scenario "Bristol: refusals" {
  authority = "bristol",
  start = "2026-01-05T09:00:00Z",
  users = {
    ref = "referrer",
    fr = "first_response",
    lm = { "locality_meeting", team = "north" },
    fsw = { "fsw", team = "north" },
    fsw2 = { "fsw", team = "south" },
    kw = { "keyworker", team = "north" },
    kw2 = { "keyworker", team = "north" },
    asw = "area_social_worker",
    aso = "area_social_worker",
  },
}

local family = {
  { id = "amy", name = "Amy", role = "child", dob = "2015-03-01" },
  { id = "pat", name = "Pat", role = "parent", dob = "1985-07-12" },
}
local function referral(consent, evidence)
  return { referrer = "Area social worker", locality = "north", reason = "Parenting and school attendance",
           consent = consent, multi_agency_evidence = evidence, already_open_to = "Area social work (North)" }
end

-- First Response (L41) ----------------------------------------------------------
local r1 = open_case { workflow = "families_in_focus", as = "ref", data = referral(false, true), members = family }
refuse(r1, "fr_accept", { as = "lm", input = { threshold_met = true } }, "wrong_role",
  "L41: First Response triages all online web forms")
refuse(r1, "fr_accept", { as = "fr", input = {} }, "invalid_input",
  "L34: the threshold decision is required")
refuse(r1, "fr_accept", { as = "fr", input = { threshold_met = "yes" } }, "invalid_input",
  "L34: threshold_met is a yes/no decision")
refuse(r1, "fr_accept", { as = "fr", input = { threshold_met = true } }, "guard_failed",
  "L33: families need to consent to a referral being made")
act(r1, "fr_return_incomplete", { as = "fr", input = { reason = "No consent recorded" } })
expect_state(r1, "fr_returned_to_referrer", "L41: returned to the referrer")
expect_data(r1, "return_reason", "No consent recorded", "L41: insufficient or incomplete information")
refuse(r1, "fr_accept", { as = "fr", input = { threshold_met = true } }, "case_closed",
  "L41: a returned form is not accepted")

local r2 = open_case { workflow = "families_in_focus", as = "ref", data = referral(true, false), members = family }
refuse(r2, "fr_accept", { as = "fr", input = { threshold_met = true } }, "guard_failed",
  "L33: referrers demonstrate they have talked to other professionals")

local r3 = open_case { workflow = "families_in_focus", as = "ref", data = referral(true, true), members = family }
refuse(r3, "fr_accept", { as = "fr", input = { threshold_met = false } }, "guard_failed",
  "L34: the Threshold Guidance 2018 threshold")
act(r3, "fr_accept", { as = "fr", input = { threshold_met = true } })
refuse(r3, "saf_completed", { as = "fsw", input = {} }, "wrong_role",
  "L124: only the allocated lead professional completes the SAF")
act(r3, "lm_allocate_fsw", { as = "lm", input = { fsw = user_id "fsw" } })

-- SAF (L124): the lead professional only, with its content, after the genogram and information form
local saf = {
  childs_voice = "Amy's words", family_members_included = true, children_seen_and_spoken_to = true,
  support_network = "Aunt", network_contributed = true, analysis = "Low-moderate", next_steps = "Routine",
}
refuse(r3, "saf_completed", { as = "fsw2", input = saf }, "wrong_role",
  "L124: another FSW is not this family's lead professional")
refuse(r3, "saf_completed", { as = "fsw", input = { childs_voice = "Amy's words" } }, "invalid_input",
  "L124: the SAF needs its analysis and Next Steps")
local unseen = {}
for k, v in pairs(saf) do unseen[k] = v end
unseen.children_seen_and_spoken_to = false
refuse(r3, "saf_completed", { as = "fsw", input = unseen }, "guard_failed",
  "L124: children are seen and spoken to")
refuse(r3, "saf_completed", { as = "fsw", input = saf }, "missing_record",
  "L175: a genogram at the earliest point of involvement")
add_record(r3, "genogram", { as = "fsw", fields = { resident_members = "Pat, Amy", non_resident_members = "None known" } })
refuse(r3, "saf_completed", { as = "fsw", input = saf }, "missing_record",
  "L118: the How we handle your information form")
add_record(r3, "information_form", { as = "fsw", fields = { status = "signed", informed_on = "2026-01-05" } })
act(r3, "saf_completed", { as = "fsw", input = saf })
expect_state(r3, "fif_lp_plan_active", "L124: SAF completed")
refuse(r3, "saf_completed", { as = "fsw", input = saf }, "wrong_state",
  "L124: the SAF is already complete")
refuse(r3, "lm_allocate_area_social_worker", { as = "lm",
  input = { social_worker = user_id "asw", risk_of_significant_harm = true } }, "wrong_state",
  "L164: statutory social work allocation goes through the weekly locality meeting")

-- Closure (L173, L179, L190)
act(r3, "taf_review_held", { as = "fsw", input = { meeting = "family_network_meeting", tasks_agreed = "Aunt does school run" } })
act(r3, "begin_closure", { as = "fsw", input = { sustainable_plan = "Aunt and school" } })
refuse(r3, "close_case", { as = "fsw" }, "missing_record", "L190: a closure record is required")
local closure = {
  reason_for_referral = "Parenting", work_completed = "Routine", work_not_completed = "None",
  reason_for_closure = "sustainable_plan", service_user_feedback = "Helpful",
  outstanding_actions_or_risks = "None", safety_or_exit_plan = "Aunt",
  feedback_questionnaire_attached = false,
}
add_record(r3, "closure_record", { as = "fsw", fields = closure })
refuse(r3, "close_case", { as = "fsw" }, "guard_failed",
  "L190: a service user feedback questionnaire completed and attached")
closure.feedback_questionnaire_attached = true
add_record(r3, "closure_record", { as = "fsw", fields = closure })
refuse(r3, "close_case", { as = "fsw" }, "missing_record",
  "L173: all cases should have a Genogram, Chronology and Case Summary")
add_record(r3, "chronology_entry", { as = "fsw", fields = { event = "Referral", occurred_on = "2026-01-05" } })
add_record(r3, "case_summary", { as = "fsw", fields = { reason_for_involvement = "Parenting", current_picture = "Start" } })
refuse(r3, "close_case", { as = "fsw" }, "guard_failed",
  "L179: the case summary is reviewed following each TAF review")
act(r3, "review_case_summary", { as = "fsw", input = { reason_for_involvement = "Parenting", current_picture = "After review" } })
refuse(r3, "close_case", { as = "lm" }, "wrong_role", "L190: the lead professional closes [INF]")
act(r3, "close_case", { as = "fsw" })
expect_state(r3, "closed", "L190: closed")
refuse(r3, "begin_closure", { as = "fsw", input = { sustainable_plan = "again" } }, "case_closed",
  "L190: a closed case takes no actions")

-- Keyworker capacity (L120: up to 7 families per full time worker) --------------------
local edge = { multiple_competing_stressors = true, risk_of_care_or_criminality = true }
local function kw_input(who, e)
  return { keyworker = user_id(who), multiple_competing_stressors = e.multiple_competing_stressors,
           risk_of_care_or_criminality = e.risk_of_care_or_criminality }
end
for i = 1, 7 do
  local k = open_case { workflow = "families_in_focus", as = "asw", state = "locality_meeting_listed",
    data = referral(true, true), members = family }
  act(k, "lm_allocate_keyworker", { as = "lm", input = kw_input("kw", edge) })
end
local k8 = open_case { workflow = "families_in_focus", as = "asw", state = "locality_meeting_listed",
  data = referral(true, true), members = family }
refuse(k8, "lm_allocate_keyworker", { as = "lm",
  input = kw_input("kw", { multiple_competing_stressors = true, risk_of_care_or_criminality = false }) },
  "guard_failed", "L119: Strengthening Families is for families at risk of care or serious criminality")
refuse(k8, "lm_allocate_keyworker", { as = "lm", input = kw_input("kw", edge) }, "guard_failed",
  "L120: a keyworker works with up to 7 families")
refuse(k8, "lm_allocate_keyworker", { as = "lm", input = { keyworker = user_id "fsw",
  multiple_competing_stressors = true, risk_of_care_or_criminality = true } }, "invalid_input",
  "L119: the keyworker must hold the keyworker role")
act(k8, "lm_allocate_keyworker", { as = "lm", input = kw_input("kw2", edge) })
expect_assigned(k8, "kw2", "L120: another keyworker with capacity")

-- Consent at allocation (L33) and the Locality Meeting's role (L52) --------------------
local nc = open_case { workflow = "families_in_focus", as = "aso", state = "locality_meeting_listed",
  data = referral(false, true), members = family }
refuse(nc, "lm_allocate_fsw", { as = "lm", input = { fsw = user_id "fsw" } }, "guard_failed",
  "L33: families agree to working with agencies")
refuse(nc, "lm_allocate_fsw", { as = "fsw", input = { fsw = user_id "fsw" } }, "wrong_role",
  "L52: the Locality Meeting allocates resources")
local nr = open_case { workflow = "families_in_focus", as = "aso", state = "locality_meeting_listed",
  data = { referrer = "Health visitor", locality = "north", reason = "New concern",
           consent = true, multi_agency_evidence = true, request_type = "fif_support" }, members = family }
refuse(nr, "lm_allocate_fsw", { as = "lm", input = { fsw = user_id "fsw" } }, "guard_failed",
  "L32: the Locality Meeting route is for families already open to another team")
act(nr, "lm_signpost", { as = "lm", input = { resources = "Complete the First Response online form" } })
expect_state(nr, "signposted", "L53: signpost the referrer")

-- Short intervention episode (L129) ---------------------------------------------------
local si = open_case { workflow = "families_in_focus", as = "asw", state = "locality_meeting_listed",
  data = referral(true, true), members = family }
local plan = { worker = user_id "fsw2", lead_professional_agreed = false, need_well_understood = true,
  reason = "Bedtime routine", outcomes_to_achieve = "Settled bedtime", sessions_planned = 2 }
local function with(t, k, v)
  local o = {}
  for kk, vv in pairs(t) do o[kk] = vv end
  o[k] = v
  return o
end
refuse(si, "start_short_intervention", { as = "lm", input = with(plan, "lead_professional_agreed", true) },
  "guard_failed", "L129: a short intervention is used when a lead professional role has not been agreed")
refuse(si, "start_short_intervention", { as = "lm", input = with(plan, "need_well_understood", false) },
  "guard_failed", "L129: no SAF because the need is already well understood")
refuse(si, "start_short_intervention", { as = "lm", input = with(plan, "sessions_planned", 0) },
  "invalid_input", "L129: sessions are pre-planned (at least one)")
refuse(si, "start_short_intervention", { as = "lm", input = with(plan, "sessions_planned", "two") },
  "invalid_input", "L129: the session plan counts sessions")
act(si, "start_short_intervention", { as = "lm", input = plan })
expect_state(si, "short_intervention_active", "L129: short intervention episode")
expect_records(si, "short_intervention_plan", 1, "L129: reason and outcomes to be achieved")
act(si, "session_delivered", { as = "fsw2", input = { summary = "Session 1" } })
act(si, "session_delivered", { as = "fsw2", input = { summary = "Session 2" } })
refuse(si, "session_delivered", { as = "fsw2", input = { summary = "Session 3" } }, "guard_failed",
  "L129: sessions are pre-planned and recorded in the session plan")
refuse(si, "finalise_plan", { as = "fsw2" }, "missing_record",
  "L129: outcomes are completed before the plan is finalised")
add_record(si, "short_intervention_outcomes", { as = "fsw2", fields = { outcomes_completed = "Settled bedtime achieved" } })
act(si, "finalise_plan", { as = "fsw2" })
expect_state(si, "closing", "L129: plan finalised")
