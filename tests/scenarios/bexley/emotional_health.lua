-- Bexley: Emotional Health Counselling (Appendix 9) as a linked case: spawned
-- by the key worker's referral (L501), or opened directly by a CSC social
-- worker (L488). E1-E9 met on one case and breached on another; ages 10-18
-- (L488); the closing record list (L531-L538). Dates from 29 March to
-- 25 October 2026 are in British Summer Time (bare date = 22:59:59Z).
scenario "Bexley: emotional health counselling" {
  authority = "bexley",
  start = "2026-02-02T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    tm = { "team_manager", team = "central" },
    kw = { "key_worker", team = "central" },
    sw = "csc_social_worker",
    cou = "emotional_health_counsellor",
  },
}

local m = open_case {
  workflow = "family_wellbeing", as = "mash",
  data = { referrer = "school", referral_route = "professional_referral", written_consent = true },
  members = {
    { id = "amy", name = "Amy", role = "child", dob = "2013-05-01" },   -- 12
    { id = "ben", name = "Ben", role = "child", dob = "2018-06-10" },   -- 7
  },
}
act(m, "mash_route_to_fws", { as = "mash" })
act(m, "accept_referral", { as = "duty", input = { factors = { "mental_ill_health" }, tier_three = true, not_in_need_or_at_risk = true } })
act(m, "allocate_key_worker", { as = "duty", input = {
  key_worker = user_id "kw", children_count = 2, needs_summary = "Amy anxious, self-harm risk low", wellbeing_scaling = 5,
  initial_visit_by = "2026-02-06", assessment_by = "2026-03-02", planning_meeting_by = "2026-03-06",
  case_review_by = "2026-05-02",
} })
act(m, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })

local function direct(name, dob)
  return open_case {
    workflow = "emotional_health", as = "sw",
    data = { child_name = name, child_dob = dob, referred_by = "social_worker", reason = "managing worries" },
  }
end
local e2 = direct("Cara", "2012-09-09")   -- 13: every timescale breached
local e3 = direct("Dev", "2019-01-01")    -- 7: not suitable

-- Referral -----------------------------------------------------------------------------
at "2026-02-02T10:00:00Z"
refuse(m, "refer_to_ehc", { as = "kw", input = { child = "ben", reason = "worries" } }, "guard_failed", "L488: children and young people aged 10-18")
refuse(m, "refer_to_ehc", { as = "kw", input = { reason = "worries" } }, "invalid_input", "L501: the referral names the child")
act(m, "refer_to_ehc", { as = "kw", input = { child = "amy", reason = "managing worries; coping with stressful situations" } })
local e = linked(m, "emotional_health")
expect_state(e, "ehc_referral_submitted", "L503: passed to the Family Wellbeing duty manager")
expect_data(e, "child_name", "Amy", "L501: referral made by the allocated Family Key Worker")
expect_state(m, "assessment_in_progress", "L542: the key worker's work continues alongside the counsellor")
expect_timescale(e, "E1_allocation_3wd", { status = "pending", due = "2026-02-05" }, "L507: 72 hours (3 working days)")
expect_timescale(e, "E4_assessment_20wd", { status = "pending", due = "2026-03-02" }, "L513: 20 working days of the referral")
refuse(e, "allocate_counsellor", { as = "kw", input = { counsellor = user_id "cou" } }, "wrong_role", "L503: the duty manager reviews and allocates")
refuse(e3, "allocate_counsellor", { as = "duty", input = { counsellor = user_id "cou" } }, "guard_failed", "L488: aged 10-18")
act(e3, "decline_ehc_referral", { as = "duty", input = { signposting = "school nurse drop-in" } })
expect_state(e3, "ehc_not_allocated", "L519: not suitable: the referral will not be allocated")
expect_timescale(e3, "E1_allocation_3wd", { status = "cancelled" }, "L519: nothing to allocate")

at "2026-02-04T10:00:00Z"                      -- Wednesday
act(e, "allocate_counsellor", { as = "duty", input = { counsellor = user_id "cou" } })
expect_state(e, "ehc_allocated", "L507: allocated to the emotional health counsellor")
expect_assigned(e, "cou", "L507: the counsellor")
expect_timescale(e, "E1_allocation_3wd", { status = "met" }, "L507: allocated within 3 working days")
expect_timescale(e, "E2_initial_appointment_7wd", { status = "pending", due = "2026-02-13" }, "L509: 7 working days [INF A22 anchor]")
expect_timescale(e, "E9_supervision_review_monthly", { status = "pending", due = "2026-03-04" }, "L525: monthly supervision")
expect_timescale(e, "E9_formal_review_3_months", { status = "pending", due = "2026-05-04" }, "L525: formal review every 3 months")
expect_timescale(e, "E3_sessions_12_months", { status = "pending", due = "2027-02-04" }, "L511: over a period of 12 months")
refuse(e, "complete_ehc_assessment", { as = "cou", input = { summary = "s" } }, "guard_failed", "L509: initial appointment offered first")

at "2026-02-06T09:00:00Z"                      -- Friday
expect_timescale(e2, "E1_allocation_3wd", { status = "breached", due = "2026-02-05" }, "L507: not allocated within 3 working days")
act(e2, "allocate_counsellor", { as = "duty", input = { counsellor = user_id "cou" } })
expect_timescale(e2, "E1_allocation_3wd", { status = "met_late" }, "L507: allocated late")
expect_timescale(e2, "E2_initial_appointment_7wd", { status = "pending", due = "2026-02-17" }, "L509: 7 working days")

at "2026-02-09T10:00:00Z"
refuse(e, "offer_initial_appointment", { as = "cou", input = { appointment_on = "2026-02-16" } }, "invalid_input", "L509: time, date and venue")
act(e, "offer_initial_appointment", { as = "cou", input = { appointment_on = "2026-02-16", venue = "school" } })
expect_timescale(e, "E2_initial_appointment_7wd", { status = "met" }, "L509: appointment offered within 7 working days")

at "2026-02-18T09:00:00Z"
expect_timescale(e2, "E2_initial_appointment_7wd", { status = "breached", due = "2026-02-17" }, "L509: no appointment offered within 7 working days")
act(e2, "offer_initial_appointment", { as = "cou", input = { appointment_on = "2026-02-25", venue = "family centre" } })
expect_timescale(e2, "E2_initial_appointment_7wd", { status = "met_late" }, "L509: offered late")

-- Assessment and clinical plan ------------------------------------------------------------
at "2026-02-20T10:00:00Z"                      -- Friday
act(e, "complete_ehc_assessment", { as = "cou", input = { summary = "generalised worry; strengths: friendships" } })
expect_state(e, "ehc_assessment_complete", "L513: assessment completed")
expect_timescale(e, "E4_assessment_20wd", { status = "met" }, "L513: within 20 working days of the referral")
expect_timescale(e, "E5_assessment_circulated_5wd", { status = "pending", due = "2026-02-27" }, "L513: circulated within 5 working days")
expect_timescale(e, "E6_clinical_plan_5wd", { status = "pending", due = "2026-02-27" }, "L517: plan within 5 working days")
at "2026-02-24T10:00:00Z"
act(e, "circulate_ehc_assessment", { as = "cou" })
expect_timescale(e, "E5_assessment_circulated_5wd", { status = "met" }, "L513: circulated in time")
at "2026-02-25T10:00:00Z"                      -- Wednesday
act(e, "develop_clinical_plan", { as = "cou", input = { kind = "initial", plan = "weekly sessions, 10 weeks" } })
expect_timescale(e, "E6_clinical_plan_5wd", { status = "met" }, "L517: plan developed in time")
expect_timescale(e, "E7_plan_circulated_5wd", { status = "pending", due = "2026-03-04" }, "L517: circulated within 5 working days")
expect_timescale(e, "E8_plan_updated_6_weeks", { status = "pending", due = "2026-04-08" }, "L517: updated every 6 weeks (BST)")
at "2026-02-26T10:00:00Z"
act(e, "circulate_clinical_plan", { as = "cou" })
expect_timescale(e, "E7_plan_circulated_5wd", { status = "met" }, "L517: circulated in time")

at "2026-03-03T09:00:00Z"                      -- Tuesday
expect_timescale(e2, "E4_assessment_20wd", { status = "breached", due = "2026-03-02" }, "L513: not completed within 20 working days")
act(e2, "complete_ehc_assessment", { as = "cou", input = { summary = "s" } })
expect_timescale(e2, "E4_assessment_20wd", { status = "met_late" }, "L513: completed late")
expect_timescale(e2, "E5_assessment_circulated_5wd", { status = "pending", due = "2026-03-10" }, "L513: 5 working days")
at "2026-03-03T10:00:00Z"
act(e, "supervision_review", { as = "tm", input = { notes = "engaging well" } })
expect_timescale(e, "E9_supervision_review_monthly", { occurrence = 1, status = "met" }, "L525: reviewed in monthly supervision")
expect_timescale(e, "E9_supervision_review_monthly", { occurrence = 2, status = "pending", due = "2026-04-03" }, "L525: next month")

at "2026-03-11T09:00:00Z"                      -- Wednesday
expect_timescale(e2, "E5_assessment_circulated_5wd", { status = "breached", due = "2026-03-10" }, "L513: not circulated within 5 working days")
expect_timescale(e2, "E6_clinical_plan_5wd", { status = "breached", due = "2026-03-10" }, "L517: no plan within 5 working days")
expect_timescale(e2, "E9_supervision_review_monthly", { occurrence = 1, status = "breached", due = "2026-03-06" }, "L525: not reviewed in monthly supervision")
act(e2, "develop_clinical_plan", { as = "cou", input = { kind = "initial", plan = "p" } })
act(e2, "circulate_ehc_assessment", { as = "cou" })
act(e2, "supervision_review", { as = "tm", input = { notes = "late" } })
expect_timescale(e2, "E6_clinical_plan_5wd", { status = "met_late" }, "L517: plan late")
expect_timescale(e2, "E5_assessment_circulated_5wd", { status = "met_late" }, "L513: circulated late")
expect_timescale(e2, "E9_supervision_review_monthly", { occurrence = 1, status = "met_late" }, "L525: reviewed late")
expect_timescale(e2, "E7_plan_circulated_5wd", { status = "pending", due = "2026-03-18" }, "L517: 5 working days")

at "2026-03-19T09:00:00Z"
expect_timescale(e2, "E7_plan_circulated_5wd", { status = "breached", due = "2026-03-18" }, "L517: plan not circulated within 5 working days")
act(e2, "circulate_clinical_plan", { as = "cou" })
expect_timescale(e2, "E7_plan_circulated_5wd", { status = "met_late" }, "L517: circulated late")

-- Reviews ------------------------------------------------------------------------------
at "2026-04-01T10:00:00Z"
act(e, "update_clinical_plan", { as = "cou", input = { kind = "review", plan = "fortnightly sessions" } })
expect_timescale(e, "E8_plan_updated_6_weeks", { occurrence = 1, status = "met" }, "L517: updated within 6 weeks")
expect_timescale(e, "E8_plan_updated_6_weeks", { occurrence = 2, status = "pending", due = "2026-05-13" }, "L517: every 6 weeks")
at "2026-04-02T10:00:00Z"
act(e, "supervision_review", { as = "tm", input = { notes = "improving" } })
expect_timescale(e, "E9_supervision_review_monthly", { occurrence = 2, status = "met" }, "L525: reviewed in monthly supervision")

at "2026-04-23T09:00:00Z"
expect_timescale(e2, "E8_plan_updated_6_weeks", { occurrence = 1, status = "breached", due = "2026-04-22T22:59:59Z" }, "L517: not updated within 6 weeks")
act(e2, "update_clinical_plan", { as = "cou", input = { kind = "review", plan = "p2" } })
expect_timescale(e2, "E8_plan_updated_6_weeks", { occurrence = 1, status = "met_late" }, "L517: updated late")

at "2026-05-01T10:00:00Z"
act(e, "ehc_formal_review", { as = "cou", input = { improving = true } })
expect_timescale(e, "E9_formal_review_3_months", { occurrence = 1, status = "met" }, "L525: formal review within 3 months")
act(e, "end_counselling", { as = "cou" })
expect_state(e, "ehc_closure_pending", "L517: suitable for closure")
expect_timescale(e, "E3_sessions_12_months", { status = "met" }, "L511: within 12 months")
expect_timescale(e, "E8_plan_updated_6_weeks", { status = "cancelled" }, "L517: updated until the case is suitable for closure")
refuse(e, "close_ehc_case", { as = "cou" }, "wrong_role", "L529: the manager is responsible for closing")
refuse(e, "close_ehc_case", { as = "tm" }, "missing_record", "L533: allocation letter")
add_record(e, "allocation_letter", { as = "duty", fields = { summary = "allocated to Cass" } })
add_record(e, "correspondence", { as = "cou", fields = { with_whom = "parent_carer", summary = "appointment letter" } })
add_record(e, "outcome_letter", { as = "cou", fields = { summary = "goals met" } })
refuse(e, "close_ehc_case", { as = "tm" }, "missing_record", "L538: closing summary")
add_record(e, "closing_summary", { as = "cou", fields = { summary = "worry scale 8 to 3" } })
act(e, "close_ehc_case", { as = "tm" })
expect_state(e, "ehc_closed", "L529: closed to the emotional health counsellor")
expect_state(m, "assessment_in_progress", "L542: the FWS episode is a separate case")

at "2026-05-07T09:00:00Z"
expect_timescale(e2, "E9_formal_review_3_months", { occurrence = 1, status = "breached", due = "2026-05-06" }, "L525: no formal review within 3 months")
act(e2, "ehc_formal_review", { as = "tm", input = { improving = false } })
expect_timescale(e2, "E9_formal_review_3_months", { occurrence = 1, status = "met_late" }, "L525: reviewed late")

at "2027-02-08T09:00:00Z"
expect_timescale(e2, "E3_sessions_12_months", { status = "breached", due = "2027-02-06" }, "L511: sessions beyond 12 months")
expect_data(e2, "session_period_exceeded", true, "L511: flagged [INF]")
