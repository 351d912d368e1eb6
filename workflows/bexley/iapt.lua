-- workflows/bexley/iapt.lua: Bexley Children and Young People's IAPT
-- (Appendix 10, L558-L597), a linked case spawned by family_wellbeing's
-- refer_to_iapt, or opened directly: by a CSC social worker on the EHM form
-- (L564), or by the duty manager / duty key worker for a telephone referral
-- from an external agency (L565).
--
-- Source: shared/seeds/001_ffc5b7c3d3b89531.txt; spec shared/spec/bexley.md
-- §3.3 (IAPT) and §4.2 (I1-I5). [DOC] = stated; [INF] = inferred.
--
-- States: the spec's `iapt_duty_review` is iapt_referral_submitted ("The
-- referral will be passed to the Family Wellbeing duty manager", L566).
-- iapt_not_suitable [INF] holds a declined referral until the referrer has
-- been told in writing (L570), so that the I2 clock is not cancelled by the
-- terminal state before it can be met; iapt_closure_pending [INF] holds the
-- case while the manager checks the records (L580).
--
-- Timescales (spec §4.2 I1-I5, 5 rows): encoded I1, I2, I3, I4.
--   I2 A23: "within 72 days of the referral date" (L566, L570) is kept
--      literally as 72 calendar days, and the spec's proposed reading of a
--      typo for "72 hours (3 working days)" is a second timescale [INF]
--      (I2_referrer_informed_3wd); both are satisfied by inform_referrer.
-- Not encoded:
--   I5 (L574, clinical supervision of IAPT practitioners every 4 weeks from
--      CAMHS): staff-level, the practitioner's supervision, not the case's.
--   L576 ("the IAPT practitioner will provide an updated case"): the sentence
--      is truncated (A24); no rule.

local MANAGERS = { "duty_manager", "team_manager", "service_manager" }

workflow "iapt" {
  title = "Children and Young People's IAPT (Appendix 10)",
  document = "001_ffc5b7c3d3b89531.txt",
  initial = "iapt_referral_submitted",
  -- L564: "by the allocated Family Keyworker or Social Worker"; L565: external agencies "by telephone to
  -- the duty Family Wellbeing manager/duty Family Keyworker"
  opened_by = { "key_worker", "csc_social_worker", "duty_manager", "duty_key_worker" },
  data = {
    parent_case = text { label = "FWS case this referral came from" },
    referrer = text { required = true },
    referral_route = enum { "ehm_form", "telephone", required = true },   -- L564, L565
    reason = text { required = true },
  },
  significant = "Referral to CYP-IAPT",
}

state "iapt_referral_submitted" { line = 566, title = "Referral with the FWS duty manager for a decision" }
state "iapt_not_suitable" { line = 570, title = "Not suitable: referrer to be told, closing with signposting" }
state "iapt_assessment" { line = 567, title = "Allocated for an IAPT assessment" }
state "iapt_programme" { line = 568, title = "Incredible Years programme" }
state "iapt_closure_pending" { line = 580, title = "Manager checks the case record before closing" }
state "iapt_closed" { line = 580, terminal = true, title = "Closed to the IAPT practitioner" }
state "iapt_closed_signposted" { line = 570, terminal = true, title = "Closed with signposting" }

-- L582-L589: "The case record should demonstrate"
record "allocation_letter" { line = 584, fields = { summary = text { required = true } } }
record "correspondence" {
  line = 585,
  fields = { with_whom = enum { "parent_carer", "referrer", required = true }, summary = text { required = true } },
}
record "iapt_assessment" {
  line = 586, by = { "assigned" },
  fields = {
    outcome = enum { "incredible_years", "no_further_action", required = true },   -- L568, L569
    recommended_service = text {},                                                  -- L569
    summary = text { required = true },
  },
}
record "clinical_outcome_measures" { line = 587, by = { "assigned" }, fields = { measures = text { required = true } } }
record "outcome_letter" { line = 588, fields = { summary = text { required = true } } }
record "closing_summary" { line = 589, fields = { summary = text { required = true } } }
-- L566, L570: "The referrer is to be informed of the outcome in writing"
record "referrer_outcome_letter" {
  line = 566,
  fields = { outcome = enum { "suitable", "not_suitable", required = true }, summary = text { required = true } },
}

-- L566: "review the referral, make a decision and allocate within 72 hours (3 working days)"
timescale "I1_decision_3wd" {
  line = 566,
  what = "Duty manager decides and allocates",
  within = working_days(3),
  from = "open",
  satisfied_by = { "allocate_iapt", "decline_iapt_referral" },
  note = "'72 hours (3 working days)' encoded as 3 working days (DESIGN §3)",
}
-- L566 (and L570): "informed of the outcome in writing within 72 days of the referral date"
timescale "I2_referrer_informed_72_days" {
  line = 566,
  what = "Referrer informed of the outcome in writing (72 days, as written)",
  within = days(72),
  from = "open",
  satisfied_by = "inform_referrer",
  note = "A23: literal 72 calendar days; L570 repeats it for a referral that is not suitable",
}
-- A23 [INF]: "72 days" read as a typo for the 72 hours (3 working days) beside it
timescale "I2_referrer_informed_3wd" {
  line = 566,
  what = "Referrer informed of the outcome in writing (3 working days, spec A23 reading)",
  within = working_days(3),
  from = "open",
  satisfied_by = "inform_referrer",
  note = "[INF] spec A23 soft target; flag the '72 days' wording to the authority",
}
-- L567: "IAPT assessment to be completed within 30 working days of the receipt of the referral"
timescale "I3_assessment_30wd" {
  line = 567,
  what = "IAPT assessment completed",
  within = working_days(30),
  from = "open",
  satisfied_by = "complete_iapt_assessment",
}
-- L567: "circulated to the parent/carer within 5 working days of completion"
timescale "I4_assessment_circulated_5wd" {
  line = 567,
  what = "IAPT assessment circulated to the parent/carer",
  within = working_days(5),
  from = "complete_iapt_assessment",
  satisfied_by = "circulate_iapt_assessment",
}

-- L566, L567: suitable: allocated for an IAPT assessment
action "allocate_iapt" {
  line = 566, title = "Duty manager allocates to an IAPT practitioner",
  from = "iapt_referral_submitted", by = "duty_manager",
  input = { practitioner = user { required = true, role = "iapt_practitioner" } },
  assign = "practitioner",
  to = "iapt_assessment",
  significant = "Allocated to an IAPT practitioner (oversight point, L595)",
}
-- L570: "the referral is not suitable for an IAPT assessment, the referral will be closed with signposting"
action "decline_iapt_referral" {
  line = 570, title = "Duty manager: not suitable",
  from = "iapt_referral_submitted", by = "duty_manager",
  input = { signposted_to = text { required = true } },
  effect = function(case, input) case.data.signposted_to = input.signposted_to end,
  to = "iapt_not_suitable",
}
-- L566, L570: the referrer is informed of the outcome in writing
action "inform_referrer" {
  line = 566, title = "Referrer informed of the outcome in writing",
  from = { "iapt_not_suitable", "iapt_assessment", "iapt_programme", "iapt_closure_pending" },
  by = { "duty_manager", "team_manager", "service_manager", "assigned" },
  creates = "referrer_outcome_letter",
}
-- L570: closed with signposting once the referrer has the outcome in writing
action "close_signposted" {
  line = 570, title = "Close the referral with signposting",
  from = "iapt_not_suitable", by = MANAGERS,
  requires = "referrer_outcome_letter",
  to = "iapt_closed_signposted",
}
-- L567-L569: the assessment and its outcome (Incredible Years, or no further action with a recommended service)
action "complete_iapt_assessment" {
  line = 567, title = "IAPT assessment completed",
  from = "iapt_assessment", by = "assigned",
  creates = "iapt_assessment",
  guards = {
    { line = 569, reason = "no further action: the practitioner must recommend a service",
      check = function(case, input)
        return input.outcome ~= "no_further_action" or (input.recommended_service ~= nil and input.recommended_service ~= "")
      end },
  },
  to = function(case, input)
    if input.outcome == "incredible_years" then return "iapt_programme" end
    return "iapt_closure_pending"
  end,
  targets = { "iapt_programme", "iapt_closure_pending" },
  significant = "IAPT assessment completed (oversight point, L596)",
}
-- L567: circulated to the parent/carer
action "circulate_iapt_assessment" {
  line = 567, title = "Assessment circulated to the parent/carer",
  from = { "iapt_programme", "iapt_closure_pending" }, by = "assigned",
  set = { assessment_circulated = true },
}
-- L568: "invited to attend the date of the next incredible year's group"
action "invite_to_incredible_years" {
  line = 568, title = "Invited to the next Incredible Years group",
  from = "iapt_programme", by = "assigned",
  input = { group_date = date { required = true } },
  effect = function(case, input) case.data.group_date = input.group_date end,
}
-- [INF] the programme ends; the manager then checks the records (L580)
action "end_programme" {
  line = 580, title = "Programme ended",
  from = "iapt_programme", by = "assigned",
  to = "iapt_closure_pending",
}
-- L580: "The manager is responsible for ensuring that all case records are updated and recorded
-- appropriately before the case is closed"; L582-L589 the record list
action "close_iapt_case" {
  line = 580, title = "Manager closes the case to the IAPT practitioner",
  from = "iapt_closure_pending", by = MANAGERS,
  requires = { "allocation_letter", "correspondence", "iapt_assessment", "clinical_outcome_measures",
               "outcome_letter", "closing_summary" },
  guards = {
    { line = 567, reason = "the assessment has not been circulated to the parent/carer",
      check = function(case) return case.data.assessment_circulated == true end },
    { line = 566, reason = "the referrer has not been informed of the outcome in writing",
      check = function(case) return has_record(case, "referrer_outcome_letter") end },
  },
  to = "iapt_closed",
  significant = "Closed to the IAPT practitioner (oversight point, L597)",
}
