-- tests/scenarios/bristol/step_up_down.lua: step-down into Families in Focus
-- from area social work through the weekly Locality Meeting (L32, L47, L51,
-- L55), step-up to area social work only through that meeting (L63, L164),
-- joint working (L64-L65), hand-over to a continuing lead professional (L131),
-- the other Locality Meeting outcomes (L57-L61), specialists (L221-L223) and
-- the linked parenting case (L227).
scenario "Bristol: step-up and step-down through the Locality Meeting" {
  authority = "bristol",
  start = "2026-03-02T09:00:00Z",
  users = {
    asw = { "area_social_worker", team = "east_central" },
    asw2 = { "area_social_worker", team = "east_central" },
    lm = { "locality_meeting", team = "east_central" },
    fsw = { "fsw", team = "east_central" },
    kw = { "keyworker", team = "east_central" },
    pp = { "parenting_practitioner", team = "east_central" },
    spec = { "specialist", team = "east_central" },
    coord = { "fif_coordinator", team = "east_central" },
    am = { "fif_area_manager", team = "east_central" },
  },
}

local function family()
  return {
    { id = "eve", name = "Eve", role = "child", dob = "2018-04-04" },
    { id = "fay", name = "Fay", role = "parent", dob = "1992-08-08" },
  }
end
local function listed(request)
  return open_case { workflow = "families_in_focus", as = "asw", state = "locality_meeting_listed",
    data = { referrer = "Area social worker", locality = "east_central", reason = "Child in Need plan ending",
             consent = true, multi_agency_evidence = true, request_type = request,
             already_open_to = "Area social work (East Central)" },
    members = family() }
end

-- Step-down into FiF: a social worker's request for 1:1 parenting (L51) --------------
local p = listed("parenting_1to1")
expect_state(p, "locality_meeting_listed", "L32: already open to another team: through the weekly Locality Meeting")
expect_timescale(p, "TM_B15_locality_meeting_1_week", { status = "pending", due = "2026-03-09" },
  "L45: considered at the weekly meeting")
at "2026-03-04T10:00:00Z"
act(p, "lm_parenting_1to1", { as = "lm", input = { practitioner = user_id "pp" } })
expect_state(p, "fif_specific_intervention", "L51, L60: parenting practitioner delivers a specific intervention")
expect_timescale(p, "TM_B15_locality_meeting_1_week", { status = "met" }, "L45: decided at the meeting")
local pc = linked(p, "parenting")
expect_state(pc, "parenting_referred", "L227: parenting referral via the Locality Meeting")
expect_data(pc, "referral_source", "locality_meeting", "L227: via the Locality Meetings")

local notp = listed("fif_support")
refuse(notp, "lm_parenting_1to1", { as = "lm", input = { practitioner = user_id "pp" } }, "guard_failed",
  "L51: 1:1 parenting through the Locality Meeting is a social worker's request")

-- Specialists as co-workers (L221, L223) on the specific intervention
refuse(p, "add_specialist_coworker", { as = "pp", input = { specialist = user_id "spec", specialist_type = "idva" } },
  "guard_failed", "L221: alongside another agency's lead professional only with the FiF Area Manager's agreement")
act(p, "add_specialist_coworker", { as = "am", input = { specialist = user_id "spec", specialist_type = "idva",
  area_manager_agreed = true } })
expect_records(p, "coworker_involvement", 1, "L223: added as a co-worker through the involvements tab")

-- Step-up from a FiF lead professional episode (L164 via L63) --------------------------
local u = listed("fif_support")
act(u, "lm_allocate_fsw", { as = "lm", input = { fsw = user_id "fsw" } })
refuse(u, "request_statutory_sw_allocation", { as = "fsw", input = { concerns = "Injury" } }, "wrong_state",
  "L124: the lead professional's assessment comes first [INF: from an active plan]")
add_record(u, "genogram", { as = "fsw", fields = { resident_members = "Fay, Eve", non_resident_members = "Eve's father" } })
add_record(u, "information_form", { as = "fsw", fields = { status = "signed", informed_on = "2026-03-04" } })
act(u, "saf_completed", { as = "fsw", input = {
  childs_voice = "Eve draws her house", family_members_included = true, children_seen_and_spoken_to = true,
  support_network = "Neighbour", network_contributed = true, analysis = "Escalating concern",
  next_steps = "Safety plan" } })
act(u, "refer_to_parenting", { as = "fsw" })
expect_data(linked(u, "parenting"), "referral_source", "lead_professional",
  "L227: referrals directly from lead professionals")
act(u, "urgent_safeguarding_referral", { as = "fsw", input = { concern = "Unexplained bruise" } })
expect_data(u, "urgent_safeguarding_referral", true, "L50: urgent referrals are outside the Locality Meeting [INF]")
expect_state(u, "fif_lp_plan_active", "spec §8.13: the urgent referral does not move the FiF state")
refuse(u, "lm_allocate_area_social_worker", { as = "lm",
  input = { social_worker = user_id "asw2", risk_of_significant_harm = true } }, "wrong_state",
  "L164: requests for statutory social work allocation will go through the weekly locality meeting")
at "2026-03-05T10:00:00Z"
act(u, "request_statutory_sw_allocation", { as = "fsw", input = { concerns = "Risk of significant harm" } })
expect_state(u, "locality_meeting_listed", "L164: through the weekly locality meeting")
expect_data(u, "request_type", "statutory_sw_allocation", "L164: request for statutory social work allocation")
expect_timescale(u, "TM_B15_locality_meeting_1_week", { status = "pending", due = "2026-03-12" },
  "L45: at the next weekly meeting")
at "2026-03-11T10:00:00Z"
act(u, "lm_allocate_area_social_worker", { as = "lm",
  input = { social_worker = user_id "asw2", risk_of_significant_harm = true } })
expect_state(u, "stepped_up_area_sw", "L63: an area social worker acts as lead professional")
expect_timescale(u, "TM_B15_locality_meeting_1_week", { status = "met" }, "L45: decided at the weekly meeting")

-- Joint working (L64-L65) and hand-over to a continuing lead professional (L131) --------
local j = listed("area_sw_non_urgent")
act(j, "lm_joint_work", { as = "lm", input = { fif_worker = user_id "kw", area_social_worker = user_id "asw" } })
expect_state(j, "joint_working_area_sw", "L65: FiF works jointly with area social work for a period of time")
expect_assigned(j, "kw", "L65: the FiF worker in the joint work")
act(j, "begin_closure", { as = "kw", input = { sustainable_plan = "School nurse continues" } })
refuse(j, "handover_to_continuing_lp", { as = "kw", input = { agency = "health", lead_professional = "School nurse" } },
  "missing_record", "L190: the closure record gives First Response the overview [INF at hand-over]")
add_record(j, "closure_record", { as = "kw", fields = {
  reason_for_referral = "CIN step-down", work_completed = "Joint safety plan", work_not_completed = "None",
  reason_for_closure = "continuing_lead_professional", service_user_feedback = "Good",
  outstanding_actions_or_risks = "None", safety_or_exit_plan = "Nurse-led plan",
  feedback_questionnaire_attached = true } })
act(j, "handover_to_continuing_lp", { as = "kw", input = { agency = "health", lead_professional = "School nurse" } })
expect_state(j, "external_lp_taf", "L131: a lead professional continues to co-ordinate the plan")

-- Joint working agreed from an active plan (L64), then consent withdrawn (spec §8.14)
local w = listed("fif_support")
act(w, "lm_allocate_fsw", { as = "lm", input = { fsw = user_id "fsw" } })
add_record(w, "genogram", { as = "fsw", fields = { resident_members = "Fay, Eve", non_resident_members = "None" } })
add_record(w, "information_form", { as = "fsw", fields = { status = "signed", informed_on = "2026-03-11" } })
act(w, "saf_completed", { as = "fsw", input = {
  childs_voice = "Eve", family_members_included = true, children_seen_and_spoken_to = true,
  support_network = "Aunt", network_contributed = true, analysis = "Need", next_steps = "Plan" } })
act(w, "agree_joint_working", { as = "lm", input = { area_social_worker = user_id "asw" } })
expect_state(w, "joint_working_area_sw", "L64: joint work between professionals")
act(w, "consent_withdrawn", { as = "fsw", input = { recorded_on = "2026-03-11" } })
expect_state(w, "closing", "L33: consent to working with agencies withdrawn [INF]")
expect_data(w, "consent", false, "L33: consent recorded as withdrawn")

-- A specialist becomes lead professional (L221)
local t = listed("fif_support")
act(t, "lm_allocate_fsw", { as = "lm", input = { fsw = user_id "fsw" } })
add_record(t, "genogram", { as = "fsw", fields = { resident_members = "Fay, Eve", non_resident_members = "None" } })
add_record(t, "information_form", { as = "fsw", fields = { status = "signed", informed_on = "2026-03-11" } })
act(t, "saf_completed", { as = "fsw", input = {
  childs_voice = "Eve", family_members_included = true, children_seen_and_spoken_to = true,
  support_network = "Aunt", network_contributed = true, analysis = "Need", next_steps = "Plan" } })
refuse(t, "transfer_lp_to_specialist", { as = "fsw", input = { specialist = user_id "spec", other_plan_parts_achieved = true } },
  "wrong_role", "L221: with the agreement of the Families in Focus Co-ordinator")
act(t, "transfer_lp_to_specialist", { as = "coord", input = { specialist = user_id "spec", other_plan_parts_achieved = true } })
expect_assigned(t, "spec", "L221: a specialist may become the lead professional")
expect_timescale(t, "TM_B5_fsw_6_months", { status = "met" }, "L121: the FSW's intervention ended")

-- Other Locality Meeting outcomes (L57-L61) ----------------------------------------------
local s = listed("fif_support")
act(s, "lm_signpost", { as = "lm", input = { resources = "Community family hub" } })
expect_state(s, "signposted", "L57: signposting the referrer to existing community resources")
local cc = listed("childrens_centre_1to1")
act(cc, "lm_childrens_centre", { as = "lm", input = { centre = "Hillfields Children's Centre" } })
expect_state(cc, "childrens_centre_support", "L58: access to Children's Centre services")
local ex = listed("fif_support")
act(ex, "lm_external_lead_professional", { as = "lm", input = { agency = "education", lead_professional = "SENCo" } })
expect_state(ex, "external_lp_taf", "L59: an Education professional acts as lead professional")
local fi = listed("fif_support")
act(fi, "lm_allocate_fif_specific_intervention", { as = "lm",
  input = { worker = user_id "fsw", lead_professional_agency = "CAMHS" } })
expect_state(fi, "fif_specific_intervention", "L61: FiF worker in a TAF with another agency as lead professional")
