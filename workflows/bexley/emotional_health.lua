-- workflows/bexley/emotional_health.lua: Bexley Emotional Health Counselling
-- (Appendix 9, L484-L556), a linked case spawned by family_wellbeing's
-- refer_to_ehc, or opened directly by a CSC social worker for a child open to
-- Children's Social Care (L488, L501).
--
-- Source: shared/seeds/001_ffc5b7c3d3b89531.txt; spec shared/spec/bexley.md
-- §3.3 (EHC) and §4.2 (E1-E9). [DOC] = stated; [INF] = inferred.
--
-- States: the spec's `ehc_referral_submitted` and `ehc_duty_review` are one
-- state here, ehc_referral_submitted ("The referral will be passed to the
-- Family Wellbeing duty manager", L503): nothing happens between them.
-- `ehc_assessment` is split into ehc_allocated (appointment offered,
-- assessment under way) and ehc_assessment_complete; ehc_closure_pending
-- [INF] holds the case while the manager checks the records (L529).
--
-- Timescales (spec §4.2 E1-E9, 9 rows): all encoded; E9 (L525) is two
-- timescales (monthly supervision review and 3-monthly formal review).
--   E2 [INF] A22: "within 7 working days of receiving a time, date and venue"
--      is garbled; anchored on the counsellor's allocation.
--   E3 [INF] "over a period of 12 months" (L511): a flag at 12 months from
--      allocation (session_period_exceeded), satisfied by ending counselling.
-- Not encoded (staff-level): monthly supervision of the counsellors as staff
-- is covered only as the case's review in supervision (E9).

local MANAGERS = { "duty_manager", "team_manager", "service_manager" }
local OPEN = { "ehc_allocated", "ehc_assessment_complete", "ehc_plan_active" }

workflow "emotional_health" {
  title = "Emotional Health Counselling (Appendix 9)",
  document = "001_ffc5b7c3d3b89531.txt",
  initial = "ehc_referral_submitted",
  -- L501: "made on the Early Help Module ... by the allocated Family Key Worker or Social Worker"
  opened_by = { "key_worker", "csc_social_worker" },
  data = {
    parent_case = text { label = "FWS case this referral came from" },
    child_name = text { required = true },
    child_dob = date { required = true },                                    -- L488 ages 10-18
    referred_by = enum { "family_key_worker", "social_worker", required = true }, -- L501
    reason = text { required = true },                                       -- L490-L495
  },
  significant = "Referral to the emotional health counsellors",
}

state "ehc_referral_submitted" { line = 503, title = "Referral with the FWS duty manager for review" }
state "ehc_allocated" { line = 507, title = "Allocated to an emotional health counsellor" }
state "ehc_assessment_complete" { line = 513, title = "Assessment completed; clinical plan due" }
state "ehc_plan_active" { line = 517, title = "Counselling under a clinical plan" }
state "ehc_closure_pending" { line = 529, title = "Counselling ended; manager checks the case record" }
state "ehc_closed" { line = 529, terminal = true, title = "Closed to the emotional health counsellor" }
state "ehc_not_allocated" { line = 519, terminal = true, title = "Not suitable: not allocated" }

-- L531-L538: "The case record should demonstrate"
record "allocation_letter" { line = 533, fields = { summary = text { required = true } } }
record "correspondence" {
  line = 534,
  fields = { with_whom = enum { "child", "parent_carer", "professional", required = true }, summary = text { required = true } },
}
record "ehc_assessment" { line = 535, by = { "assigned" }, fields = { summary = text { required = true } } }
record "clinical_plan" {
  line = 536, by = { "assigned" },
  fields = { kind = enum { "initial", "review", required = true }, plan = text { required = true } },
}
record "outcome_letter" { line = 537, fields = { summary = text { required = true } } }
record "closing_summary" { line = 538, fields = { summary = text { required = true } } }
-- L515: safety plans to manage worries outside sessions
record "safety_plan" { line = 515, by = { "assigned" }, fields = { plan = text { required = true } } }

-- L507: "duty manager allocates to the emotional health counsellor within 72 hours (3 working days) of receiving the referral"
timescale "E1_allocation_3wd" {
  line = 507,
  what = "Duty manager allocates to a counsellor",
  within = working_days(3),
  from = "open",
  satisfied_by = "allocate_counsellor",
  note = "'72 hours (3 working days)' encoded as 3 working days (DESIGN §3)",
}
-- L509: "offer an initial appointment within 7 working days of receiving a time, date and venue"
timescale "E2_initial_appointment_7wd" {
  line = 509,
  what = "Counsellor contacts the parent/carer and offers an initial appointment",
  within = working_days(7),
  from = "allocate_counsellor",
  satisfied_by = "offer_initial_appointment",
  note = "A22: anchor garbled in the document; [INF] counsellor allocation",
}
-- L511: "how often and how long the sessions are to be for, over a period of 12 months"
timescale "E3_sessions_12_months" {
  line = 511,
  what = "Counselling sessions over a period of 12 months",
  within = months(12),
  from = "allocate_counsellor",
  satisfied_by = "end_counselling",
  on_breach = { effect = function(case) case.data.session_period_exceeded = true end },
  note = "[INF] a flag; the document sets the period, not a closure rule",
}
-- L513: "assessment is to be completed ... within 20 working days of the referral"
timescale "E4_assessment_20wd" {
  line = 513,
  what = "Emotional health counselling assessment completed",
  within = working_days(20),
  from = "open",
  satisfied_by = "complete_ehc_assessment",
}
-- L513: "circulated to the child and family within 5 working days of completion"
timescale "E5_assessment_circulated_5wd" {
  line = 513,
  what = "Assessment circulated to the child and family",
  within = working_days(5),
  from = "complete_ehc_assessment",
  satisfied_by = "circulate_ehc_assessment",
}
-- L517: "A clinical plan is to be developed within 5 working days of the assessment being completed"
timescale "E6_clinical_plan_5wd" {
  line = 517,
  what = "Clinical plan developed",
  within = working_days(5),
  from = "complete_ehc_assessment",
  satisfied_by = "develop_clinical_plan",
}
-- L517: "circulated to the child and family within the 5 working days of completion"
timescale "E7_plan_circulated_5wd" {
  line = 517,
  what = "Clinical plan circulated to the child and family",
  within = working_days(5),
  from = "develop_clinical_plan",
  satisfied_by = "circulate_clinical_plan",
}
-- L517: "updated with the child, parent/carer every 6 weeks until the case is suitable for closure"
timescale "E8_plan_updated_6_weeks" {
  line = 517,
  what = "Clinical plan updated with the child and parent/carer",
  every = weeks(6),
  from = "develop_clinical_plan",
  satisfied_by = "update_clinical_plan",
  cancelled_in = { "ehc_closure_pending" },
}
-- L525: "reviewed in monthly supervision sessions"
timescale "E9_supervision_review_monthly" {
  line = 525,
  what = "Case reviewed in monthly supervision",
  every = months(1),
  from = "allocate_counsellor",
  satisfied_by = "supervision_review",
  cancelled_in = { "ehc_closure_pending" },
}
-- L525: "with a formal review every 3 months whilst the case is open"
timescale "E9_formal_review_3_months" {
  line = 525,
  what = "Formal review every 3 months",
  every = months(3),
  from = "allocate_counsellor",
  satisfied_by = "ehc_formal_review",
  cancelled_in = { "ehc_closure_pending" },
}

-- L503, L507: suitable: the duty manager allocates; L488 ages 10-18
action "allocate_counsellor" {
  line = 507, title = "Duty manager allocates to an emotional health counsellor",
  from = "ehc_referral_submitted", by = "duty_manager",
  input = { counsellor = user { required = true, role = "emotional_health_counsellor" } },
  assign = "counsellor",
  guards = {
    { line = 488, reason = "emotional health counsellors work with children and young people aged 10-18",
      check = function(case, input, facts)
        local age = age_years(case.data.child_dob, facts.today)
        return age ~= nil and age >= 10 and age <= 18
      end },
  },
  to = "ehc_allocated",
  significant = "Allocated to an emotional health counsellor (oversight point, L552)",
}
-- L519: "Not suitable ... the referral will not be allocated: Family Wellbeing manager is to review the
-- referral and consider signposting"
action "decline_ehc_referral" {
  line = 519, title = "Not suitable: not allocated",
  from = "ehc_referral_submitted", by = MANAGERS,
  input = { signposting = text { required = true } },
  effect = function(case, input) case.data.signposting = input.signposting end,
  to = "ehc_not_allocated",
}
-- L509: "make contact with the parent/carer and offer an initial appointment"
action "offer_initial_appointment" {
  line = 509, title = "Initial appointment offered",
  from = "ehc_allocated", by = "assigned",
  input = { appointment_on = date { required = true }, venue = text { required = true } },
  effect = function(case, input) case.data.appointment_offered = true case.data.appointment_on = input.appointment_on end,
}
-- L513: assessment completed with the child, including the parent/carer
action "complete_ehc_assessment" {
  line = 513, title = "Assessment completed",
  from = "ehc_allocated", by = "assigned",
  creates = "ehc_assessment",
  guards = {
    { line = 509, reason = "no initial appointment has been offered",
      check = function(case) return case.data.appointment_offered == true end },
  },
  to = "ehc_assessment_complete",
  significant = "Emotional health assessment completed (oversight point, L553)",
}
-- L513: circulated to the child and family
action "circulate_ehc_assessment" {
  line = 513, title = "Assessment circulated to the child and family",
  from = { "ehc_assessment_complete", "ehc_plan_active" }, by = "assigned",
  set = { assessment_circulated = true },
}
-- L517: clinical plan developed
action "develop_clinical_plan" {
  line = 517, title = "Clinical plan developed",
  from = "ehc_assessment_complete", by = "assigned",
  creates = "clinical_plan",
  to = "ehc_plan_active",
}
-- L517: plan circulated
action "circulate_clinical_plan" {
  line = 517, title = "Clinical plan circulated to the child and family",
  from = "ehc_plan_active", by = "assigned",
  set = { plan_circulated = true },
}
-- L517: plan updated every 6 weeks (a review clinical plan, L536)
action "update_clinical_plan" {
  line = 517, title = "Clinical plan updated with the child and parent/carer",
  from = "ehc_plan_active", by = "assigned",
  creates = "clinical_plan",
  significant = "Clinical plan reviewed (oversight point, L554)",
}
-- L525: monthly supervision review of the case
action "supervision_review" {
  line = 525, title = "Case reviewed in supervision",
  from = OPEN, by = MANAGERS,
  input = { notes = text { required = true } },
}
-- L525: formal review every 3 months
action "ehc_formal_review" {
  line = 525, title = "Formal 3-monthly review",
  from = OPEN, by = { "assigned", "duty_manager", "team_manager", "service_manager" },
  input = { improving = boolean { required = true, label = "Plan actively improving the child's emotional wellbeing" } },
  significant = "3-month review (oversight point, L555)",
}
-- L517 "until the case is suitable for closure"
action "end_counselling" {
  line = 517, title = "Counselling ended: case suitable for closure",
  from = "ehc_plan_active", by = "assigned",
  to = "ehc_closure_pending",
}
-- L529: "The manager is responsible for ensuring that all case records are updated and recorded
-- appropriately before the case is closed"; L531-L538 the record list
action "close_ehc_case" {
  line = 529, title = "Manager closes the case to the emotional health counsellor",
  from = "ehc_closure_pending", by = MANAGERS,
  requires = { "allocation_letter", "correspondence", "ehc_assessment", "clinical_plan", "outcome_letter", "closing_summary" },
  guards = {
    { line = 513, reason = "the assessment has not been circulated to the child and family",
      check = function(case) return case.data.assessment_circulated == true end },
  },
  to = "ehc_closed",
  significant = "Closed to the emotional health counsellor (oversight point, L556)",
}
