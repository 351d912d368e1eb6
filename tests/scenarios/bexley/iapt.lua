-- Bexley: CYP-IAPT (Appendix 10) as a linked case: spawned by the key
-- worker's referral (L564) or opened by the duty manager / duty key worker on
-- a telephone referral (L565). I1-I4 met and breached, both readings of "72
-- days" (A23), not-suitable referrals closed with signposting (L570), the
-- closing record list (L582-L589).
scenario "Bexley: CYP-IAPT" {
  authority = "bexley",
  start = "2026-02-02T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    dkw = { "duty_key_worker", team = "central" },
    tm = { "team_manager", team = "central" },
    kw = { "key_worker", team = "central" },
    iapt = "iapt_practitioner",
  },
}

local m = open_case {
  workflow = "family_wellbeing", as = "mash",
  data = { referrer = "health visitor", referral_route = "professional_referral", written_consent = true },
  members = { { id = "sam", name = "Sam", role = "child", dob = "2020-03-03" } },
}
act(m, "mash_route_to_fws", { as = "mash" })
act(m, "accept_referral", { as = "duty", input = { factors = { "mental_ill_health" }, tier_three = true, not_in_need_or_at_risk = true } })
act(m, "allocate_key_worker", { as = "duty", input = {
  key_worker = user_id "kw", children_count = 1, needs_summary = "behaviour at home", wellbeing_scaling = 5,
  initial_visit_by = "2026-02-06", assessment_by = "2026-03-02", planning_meeting_by = "2026-03-06",
  case_review_by = "2026-05-02",
} })
act(m, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })

-- L565: external agencies refer by telephone to the duty manager / duty key worker
local i2 = open_case {
  workflow = "iapt", as = "duty",
  data = { referrer = "GP practice", referral_route = "telephone", reason = "parenting support" },
}
local i3 = open_case {
  workflow = "iapt", as = "dkw",
  data = { referrer = "nursery", referral_route = "telephone", reason = "sleep" },
}
expect_timescale(i2, "I1_decision_3wd", { status = "pending", due = "2026-02-05" }, "L566: 72 hours (3 working days)")
-- 2 February + 72 days = 15 April 2026 (BST)
expect_timescale(i2, "I2_referrer_informed_72_days", { status = "pending", due = "2026-04-15T22:59:59Z" }, "L566: within 72 days (A23, literal)")
expect_timescale(i2, "I2_referrer_informed_3wd", { status = "pending", due = "2026-02-05" }, "L566: 72 hours (3 working days) reading [INF A23]")
expect_timescale(i2, "I3_assessment_30wd", { status = "pending", due = "2026-03-16" }, "L567: 30 working days of receipt")

-- Not suitable: closed with signposting once the referrer is told ------------------------
act(i3, "decline_iapt_referral", { as = "duty", input = { signposted_to = "sleep clinic" } })
expect_state(i3, "iapt_not_suitable", "L570: not suitable for an IAPT assessment")
expect_timescale(i3, "I1_decision_3wd", { status = "met" }, "L566: decision within 3 working days")
refuse(i3, "close_signposted", { as = "duty" }, "missing_record", "L570: the referrer is informed of the outcome in writing")
act(i3, "inform_referrer", { as = "duty", input = { outcome = "not_suitable", summary = "signposted to the sleep clinic" } })
expect_timescale(i3, "I2_referrer_informed_72_days", { status = "met" }, "L570: informed within 72 days")
act(i3, "close_signposted", { as = "duty" })
expect_state(i3, "iapt_closed_signposted", "L570: closed with signposting")

-- Referral from the FWS case --------------------------------------------------------------
at "2026-02-02T11:00:00Z"
refuse(m, "refer_to_iapt", { as = "duty", input = { reason = "r" } }, "wrong_role", "L564: by the allocated Family Keyworker")
act(m, "refer_to_iapt", { as = "kw", input = { reason = "parent would benefit from Incredible Years" } })
local i = linked(m, "iapt")
expect_state(i, "iapt_referral_submitted", "L566: passed to the Family Wellbeing duty manager")
refuse(i, "allocate_iapt", { as = "kw", input = { practitioner = user_id "iapt" } }, "wrong_role", "L566: the duty manager decides and allocates")
refuse(i, "allocate_iapt", { as = "duty", input = { practitioner = user_id "kw" } }, "invalid_input", "L566: allocated to an IAPT practitioner")

at "2026-02-03T10:00:00Z"
act(i, "allocate_iapt", { as = "duty", input = { practitioner = user_id "iapt" } })
expect_state(i, "iapt_assessment", "L567: allocated for an IAPT assessment")
expect_timescale(i, "I1_decision_3wd", { status = "met" }, "L566: allocated within 3 working days")
at "2026-02-04T10:00:00Z"
act(i, "inform_referrer", { as = "duty", input = { outcome = "suitable", summary = "allocated for assessment" } })
expect_timescale(i, "I2_referrer_informed_72_days", { status = "met" }, "L566: informed within 72 days")
expect_timescale(i, "I2_referrer_informed_3wd", { status = "met" }, "L566: informed within 3 working days [INF A23]")

at "2026-02-06T09:00:00Z"
expect_timescale(i2, "I1_decision_3wd", { status = "breached", due = "2026-02-05" }, "L566: no decision within 3 working days")
expect_timescale(i2, "I2_referrer_informed_3wd", { status = "breached", due = "2026-02-05" }, "L566: not informed within 3 working days [INF A23]")
act(i2, "allocate_iapt", { as = "duty", input = { practitioner = user_id "iapt" } })
expect_timescale(i2, "I1_decision_3wd", { status = "met_late" }, "L566: decided late")

-- Assessment ------------------------------------------------------------------------------
at "2026-03-02T10:00:00Z"                      -- Monday
act(i, "complete_iapt_assessment", { as = "iapt", input = { outcome = "incredible_years", summary = "parenting stress" } })
expect_state(i, "iapt_programme", "L568: invited to the next Incredible Years group")
expect_timescale(i, "I3_assessment_30wd", { status = "met" }, "L567: within 30 working days")
expect_timescale(i, "I4_assessment_circulated_5wd", { status = "pending", due = "2026-03-09" }, "L567: circulated within 5 working days")
at "2026-03-04T10:00:00Z"
act(i, "circulate_iapt_assessment", { as = "iapt" })
expect_timescale(i, "I4_assessment_circulated_5wd", { status = "met" }, "L567: circulated in time")
act(i, "invite_to_incredible_years", { as = "iapt", input = { group_date = "2026-04-20" } })

at "2026-03-17T09:00:00Z"                      -- Tuesday
expect_timescale(i2, "I3_assessment_30wd", { status = "breached", due = "2026-03-16" }, "L567: not completed within 30 working days")
refuse(i2, "complete_iapt_assessment", { as = "iapt", input = { outcome = "no_further_action", summary = "s" } },
  "guard_failed", "L569: no further action: the practitioner recommends a service")
act(i2, "complete_iapt_assessment", { as = "iapt", input = { outcome = "no_further_action", recommended_service = "Children's Centre stay and play", summary = "s" } })
expect_state(i2, "iapt_closure_pending", "L569: no further action")
expect_timescale(i2, "I3_assessment_30wd", { status = "met_late" }, "L567: completed late")
expect_timescale(i2, "I4_assessment_circulated_5wd", { status = "pending", due = "2026-03-24" }, "L567: 5 working days")

at "2026-03-25T09:00:00Z"
expect_timescale(i2, "I4_assessment_circulated_5wd", { status = "breached", due = "2026-03-24" }, "L567: not circulated within 5 working days")
refuse(i2, "close_iapt_case", { as = "tm" }, "guard_failed", "L567: circulated to the parent/carer")
act(i2, "circulate_iapt_assessment", { as = "iapt" })
expect_timescale(i2, "I4_assessment_circulated_5wd", { status = "met_late" }, "L567: circulated late")

at "2026-04-16T09:00:00Z"
expect_timescale(i2, "I2_referrer_informed_72_days", { status = "breached", due = "2026-04-15" }, "L566: referrer not informed within 72 days")
act(i2, "inform_referrer", { as = "duty", input = { outcome = "suitable", summary = "assessed; recommended a service" } })
expect_timescale(i2, "I2_referrer_informed_72_days", { status = "met_late" }, "L566: informed late")
expect_timescale(i2, "I2_referrer_informed_3wd", { status = "met_late" }, "L566: informed late [INF A23]")
refuse(i2, "close_iapt_case", { as = "tm" }, "missing_record", "L584: allocation letter")
add_record(i2, "allocation_letter", { as = "duty", fields = { summary = "a" } })
add_record(i2, "correspondence", { as = "iapt", fields = { with_whom = "referrer", summary = "c" } })
add_record(i2, "clinical_outcome_measures", { as = "iapt", fields = { measures = "SDQ baseline" } })
add_record(i2, "outcome_letter", { as = "iapt", fields = { summary = "o" } })
add_record(i2, "closing_summary", { as = "iapt", fields = { summary = "cs" } })
act(i2, "close_iapt_case", { as = "tm" })
expect_state(i2, "iapt_closed", "L580: closed to the IAPT practitioner")

-- Programme ends ----------------------------------------------------------------------------
at "2026-06-01T09:00:00Z"
act(i, "end_programme", { as = "iapt" })
refuse(i, "close_iapt_case", { as = "iapt" }, "wrong_role", "L580: the manager is responsible for closing")
add_record(i, "allocation_letter", { as = "duty", fields = { summary = "allocated" } })
add_record(i, "correspondence", { as = "iapt", fields = { with_whom = "parent_carer", summary = "group invitation" } })
refuse(i, "close_iapt_case", { as = "tm" }, "missing_record", "L587: clinical outcome measures")
add_record(i, "clinical_outcome_measures", { as = "iapt", fields = { measures = "SDQ before and after" } })
add_record(i, "outcome_letter", { as = "iapt", fields = { summary = "completed the programme" } })
add_record(i, "closing_summary", { as = "iapt", fields = { summary = "attended 12 of 14 sessions" } })
act(i, "close_iapt_case", { as = "tm" })
expect_state(i, "iapt_closed", "L580: closed once the case record demonstrates L584-L589")
