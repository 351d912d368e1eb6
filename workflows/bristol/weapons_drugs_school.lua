-- workflows/bristol/weapons_drugs_school.lua: Weapons in School / Drugs in School pathway.
--
-- Source: shared/seeds/000_f11e1e0f13a59c3f.txt L394 (with L380, L399); spec
-- shared/spec/bristol.md §3.7, §4 (TM-B7, TM-B8), §8.15.
-- L394: "Education Inclusion Managers lead on the Weapons in School and Drugs in
-- School Pathways. This is pathway that is initiated if a young person brings
-- in a weapon or controlled substance into school and where there is no intent
-- to harm or deal. In these instances an Education Inclusion Manager can
-- undertake an assessment within a 48 hour period of being contacted. Support
-- is provided to the young person via either a Youth justince support worker
-- (for Weapons in School) or a New Leaf Bristol Drugs project worker (for Drugs
-- in School) for a perios of up to 12 weeks."
--
-- Opening the case is the EIM being contacted (W1; who contacts is [INF]: the
-- school). The young person is the case's child member.
--
-- Timescales, named with the spec's id:
--   TM_B7_eim_assessment_48h     L394  48 hours from the contact (the wording is permissive,
--                                      "can undertake": a service-level alert, spec §8.15)
--   TM_B8_support_12_weeks       L394  support "up to 12 weeks", from the start of support
--                                      [INF, spec §8.15]
--   TM_B2_case_note_7_days       L186  case notes (the YJSW "will in some circumstances be the
--   TM_B3_significant_event_24h  L186  only professional from FIF involved", L114)
--
-- Deviations [INF]: W2 eim_assessment_completed(support_worker) is split into
-- eim_assessment_weapons (assigns a Youth Justice Support Worker) and
-- eim_assessment_drugs (assigns a New Leaf BDP worker), so that a mismatched
-- worker type is refused by the input's role check and the pathway guard.
-- wds_not_applicable is a terminal state for a contact where intent to harm or
-- deal is recorded (W1: "not applicable").

workflow "weapons_drugs_school" {
  title = "Weapons in School / Drugs in School pathway",
  document = "000_f11e1e0f13a59c3f.txt",
  initial = "wds_assessment_pending",
  opened_by = { "education_inclusion_manager" },
  data = {
    kind = enum { "weapon", "drugs", required = true, label = "Weapon or controlled substance" }, -- L394
    intent_to_harm_or_deal = boolean { required = true, label = "Intent to harm or deal" },      -- L394
    school = text { required = true },
    locality = enum { "north", "east_central", "south", label = "Locality" },                      -- L380
  },
  significant = "Education Inclusion Manager contacted",
}

state "wds_assessment_pending" { line = 394, title = "EIM contacted: assessment pending" }
state "wds_not_applicable" { line = 394, terminal = true, title = "Not the pathway: intent to harm or deal [INF]" }
state "wds_assessed" { line = 394, title = "Assessed: support worker assigned" }
state "wds_support_active" { line = 394, title = "Support (up to 12 weeks)" }
state "wds_closed" { line = 394, terminal = true, title = "Support ended" }

record "eim_assessment" {
  line = 394,
  by = { "education_inclusion_manager" },
  fields = { summary = text { required = true }, risks = text {} },
}
record "case_note" {
  line = 186,
  by = { "assigned", "education_inclusion_manager", "youth_justice_support_worker", "new_leaf_bdp_worker" },
  fields = {
    member = member { label = "Child the note is recorded against (blank: every child)" }, -- L188
    adult = member {},
    reason_for_contact = text { required = true, max_length = 200 },
    detailed_notes = text { required = true },
    purpose = text { required = true },
    seen_and_spoken_to = text { required = true },
  },
}
record "chronology_entry" {
  line = 177,
  fields = { event = text { required = true }, occurred_on = date { required = true } },
}

-- L394: "an Education Inclusion Manager can undertake an assessment within a 48 hour period of being contacted"
timescale "TM_B7_eim_assessment_48h" {
  line = 394,
  what = "EIM assessment within 48 hours of being contacted",
  within = hours(48),
  from = "open",
  satisfied_by = { "eim_assessment_weapons", "eim_assessment_drugs" },
  note = "permissive wording ('can undertake'): an alert, never a block (spec §8.15)",
}
-- L394: "for a perios of up to 12 weeks"
timescale "TM_B8_support_12_weeks" {
  line = 394,
  what = "Support by the YJSW or New Leaf BDP worker ends within 12 weeks",
  within = weeks(12),
  from = "wds_support_started",
  satisfied_by = "wds_support_ended",
  note = "spec §8.15: the 12 weeks start when support starts",
}
-- L186: "Case notes should be completed within 7 days"
timescale "TM_B2_case_note_7_days" {
  line = 186,
  what = "Case note completed for each child within 7 days of the contact",
  within = days(7), per = "child",
  from = "log_contact", satisfied_by = "record:case_note",
}
-- L186: "... when the case record should be completed within 24 hours"
timescale "TM_B3_significant_event_24h" {
  line = 186,
  what = "Case record completed within 24 hours of a significant event",
  within = hours(24),
  from = "log_significant_event", satisfied_by = "record:case_note",
}

local no_intent = {
  line = 394, reason = "the pathway is only for a young person with no intent to harm or deal",
  -- L394: "where there is no intent to harm or deal"
  check = function(case) return case.data.intent_to_harm_or_deal == false end,
}

action "eim_assessment_weapons" {
  line = 394, title = "EIM assessment: Weapons in School support by a Youth Justice Support Worker",
  -- L394 "via either a Youth justince support worker (for Weapons in School)"; L399
  from = "wds_assessment_pending", by = "education_inclusion_manager",
  input = {
    support_worker = user { required = true, role = "youth_justice_support_worker" },
    summary = text { required = true },
    risks = text {},
  },
  creates = "eim_assessment",
  guards = {
    no_intent,
    { line = 394, reason = "a Youth Justice Support Worker supports Weapons in School only",
      check = function(case) return case.data.kind == "weapon" end },
  },
  assign = "support_worker",
  to = "wds_assessed",
  significant = "EIM assessment (Weapons in School)",
}
action "eim_assessment_drugs" {
  line = 394, title = "EIM assessment: Drugs in School support by a New Leaf BDP worker",
  -- L394 "or a New Leaf Bristol Drugs project worker (for Drugs in School)"
  from = "wds_assessment_pending", by = "education_inclusion_manager",
  input = {
    support_worker = user { required = true, role = "new_leaf_bdp_worker" },
    summary = text { required = true },
    risks = text {},
  },
  creates = "eim_assessment",
  guards = {
    no_intent,
    { line = 394, reason = "a New Leaf BDP worker supports Drugs in School only",
      check = function(case) return case.data.kind == "drugs" end },
  },
  assign = "support_worker",
  to = "wds_assessed",
  significant = "EIM assessment (Drugs in School)",
}
action "wds_not_applicable" {
  line = 394, title = "Not the pathway (intent to harm or deal) [INF]",
  from = "wds_assessment_pending", by = "education_inclusion_manager",
  input = { reason = text { required = true } },
  guards = {
    { line = 394, reason = "no intent to harm or deal is recorded: the pathway applies",
      check = function(case) return case.data.intent_to_harm_or_deal == true end },
  },
  to = "wds_not_applicable",
}
action "wds_support_started" {
  line = 394, title = "Support started",
  from = "wds_assessed", by = "assigned",     -- only the assigned YJSW / BDP worker
  to = "wds_support_active",
  significant = "Support started",
}
action "wds_support_ended" {
  line = 394, title = "Support ended",
  from = "wds_support_active", by = "assigned",
  input = { outcome = text { required = true } },
  to = "wds_closed",
  effect = function(case, input) case.data.outcome = input.outcome end,
  significant = "Support ended",
}
action "log_contact" {
  line = 186, title = "Contact or session held (case note due in 7 days)",
  from = { "wds_assessment_pending", "wds_assessed", "wds_support_active" },
  by = { "assigned", "education_inclusion_manager" },
  input = { contact = enum { "school_visit", "home_visit", "session", "phone", "other", required = true } },
}
action "log_significant_event" {
  line = 186, title = "Significant event (case record due in 24 hours)",
  from = { "wds_assessment_pending", "wds_assessed", "wds_support_active" },
  by = { "assigned", "education_inclusion_manager" },
  input = { event = text { required = true }, occurred_on = date { required = true } },
  creates = "chronology_entry",
  significant = "Significant event",
}
