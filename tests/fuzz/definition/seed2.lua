-- tests/reference/workflows/testshire/referral.lua: the reference workflow.
-- Exercises every feature of the definition language (stdlib/dsl.lua): entry
-- states, terminal states, role and assigned-worker permissions, typed input,
-- guards over case data and engine facts, required and created records,
-- computed targets, data effects, per-child and recurring timescales, anchor
-- re-arming, extensions, breach reactions, explicit start/satisfy/cancel, and
-- a spawned linked case.
workflow "referral" {
  title = "Reference referral",
  document = "reference procedure (imaginary)",
  initial = "received",
  opened_by = { "triage_officer", "team_manager" },
  data = {
    referrer = text { required = true, label = "Who referred" },
    consent = boolean { required = true, label = "Written consent given" },
    urgency = enum { "routine", "urgent", label = "Urgency" },
  },
  significant = "Referral received",
}

state "received" { line = 10, title = "Referral received" }
state "stepdown_received" { line = 11, entry = true, title = "Step-down received" }
state "awaiting_allocation" { line = 12 }
state "allocated" { line = 13 }
state "assessment" { line = 14 }
state "plan" { line = 15 }
state "escalated" { line = 16 }
state "closure_pending" { line = 17 }
state "closed" { line = 18, terminal = true }
state "declined" { line = 19, terminal = true }

record "allocation_note" {
  line = 30,
  fields = { rationale = text { required = true }, first_visit_by = date {} },
}
record "case_note" {
  line = 31,
  by = { "assigned", "team_manager" },
  fields = { summary = text { required = true }, member = member {} },
}
record "assessment" { line = 32, fields = { analysis = text { required = true } } }
record "closure_summary" { line = 33, fields = { outcome = enum { "goals_met", "disengaged", required = true } } }

timescale "triage" {
  line = 40, what = "Triage decision",
  within = hours(24), from = "open", satisfied_by = { "accept", "decline" },
}
timescale "allocation" {
  line = 41, what = "Allocate a key worker",
  within = working_days(3), from = { "accept", "enter:stepdown_received" },
  satisfied_by = "allocate",
  on_breach = { effect = function(case) case.data.allocation_late = true end },
}
timescale "allocation_72h" {
  line = 42, what = "Allocate a key worker (72 hours, second rule)",
  note = "L42 gives 72 hours and L41 3 working days: both are encoded",
  within = hours(72), from = "accept", satisfied_by = "allocate",
}
timescale "assessment" {
  line = 43, what = "Assessment authorised",
  within = working_days(20), from = "accept", satisfied_by = "authorise_assessment",
  extendable = { by = { "team_manager" }, cap = working_days(30), line = 44 },
  applies_in = { "awaiting_allocation", "allocated", "assessment" },
}
timescale "child_seen" {
  line = 45, what = "Each child seen",
  every = working_days(20), per = "child", from = "allocate",
  satisfied_by = "record:case_note",
}
timescale "baby_seen" {
  line = 46, what = "Each child under one seen",
  every = working_days(10), per = "child", from = "allocate",
  applies = function(member, on) return age_years(member.dob, on) < 1 end,
  satisfied_by = "record:case_note",
}
timescale "review" {
  line = 47, what = "Review at 3, 6, 9 and 12 months",
  every = months(3), rearm = "anchor", times = 4, from = "allocate",
  satisfied_by = "review",
}
timescale "escalation" {
  line = 48, what = "Manager decides on an escalation",
  within = working_days(1), from = "enter:escalated", satisfied_by = { "step_up", "resume" },
  on_breach = { to = "closure_pending" },
}

action "accept" {
  line = 50, title = "Accept the referral",
  from = "received", by = "triage_officer",
  guards = {
    { line = 51, reason = "written consent is required",
      check = function(case) return case.data.consent == true end },
    { line = 52, reason = "the service is at capacity", facts = { "open_cases" },
      check = function(case, input, facts) return facts.open_cases < facts.limits.service_families end },
  },
  facts = { "open_cases" },
  to = "awaiting_allocation",
  significant = "Referral accepted",
}
action "decline" {
  line = 53, from = { "received", "stepdown_received" }, by = "triage_officer",
  input = { reason = text { required = true } },
  to = "declined",
  effect = function(case, input) case.data.decline_reason = input.reason end,
}
action "allocate" {
  line = 54, title = "Allocate a key worker",
  from = { "awaiting_allocation", "stepdown_received" }, by = "team_manager",
  input = { key_worker = user { required = true, role = "key_worker" } },
  creates = "allocation_note",
  assign = "key_worker",
  facts = { "assignee_children" },
  guards = {
    { line = 55, reason = "the key worker's caseload would exceed its limit",
      check = function(case, input, facts)
        return facts.assignee_children + #children(case) <= facts.limits.key_worker_children
      end },
  },
  to = "allocated",
  significant = "Key worker allocated",
}
action "start_assessment" {
  line = 56, from = "allocated", by = "assigned", to = "assessment",
}
action "submit_assessment" {
  line = 57, from = "assessment", by = "assigned",
  requires = "assessment",
  set = { assessment_submitted = true },
}
action "authorise_assessment" {
  line = 58, from = "assessment", by = "team_manager",
  guards = { { line = 58, reason = "the assessment has not been submitted",
    check = function(case) return case.data.assessment_submitted == true end } },
  to = "plan",
  significant = "Assessment authorised",
}
action "review" {
  line = 59, from = "plan", by = { "assigned", "team_manager" },
  input = { held_on = date { required = true }, score = integer { min = 0, max = 10 } },
  effect = function(case, input)
    case.data.reviews = (case.data.reviews or 0) + 1
    case.data.last_score = input.score
  end,
}
action "raise_concern" {
  line = 60, from = "*", by = "assigned",
  input = { worry = text { required = true } },
  effect = function(case, input) case.data.resume_state = case.state end,
  to = "escalated",
  significant = "Concern raised",
}
action "resume" {
  line = 61, from = "escalated", by = "team_manager",
  to = function(case) return case.data.resume_state end,
  targets = { "awaiting_allocation", "allocated", "assessment", "plan" },
}
action "step_up" {
  line = 62, from = "escalated", by = "team_manager",
  spawn = { workflow = "support", data = function(case, input) return { reason = "step up from referral" } end },
  to = "closure_pending",
  significant = "Stepped up to support",
}
action "finish" {
  line = 63, from = "plan", by = "assigned", to = "closure_pending",
  cancel = "review",
}
action "close" {
  line = 64, from = "closure_pending", by = "team_manager",
  requires = "closure_summary",
  to = "closed",
  significant = "Case closed",
}
