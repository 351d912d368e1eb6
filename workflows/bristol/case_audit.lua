-- workflows/bristol/case_audit.lua: audit of one Families in Focus case.
--
-- Source: shared/seeds/000_f11e1e0f13a59c3f.txt L436-L443; spec
-- shared/spec/bristol.md §3.8, §4 (TM-B6).
-- Spawned from a FiF episode by start_case_audit, or opened directly by an
-- auditor (the audit cycle itself is Appendix 12, ABSENT, L439).
--
-- Timescale, named with the spec's id:
--   TM_B6_reaudit_3_months  L441  "The case will be re-audited 3 months later"; the
--                                 clock starts when an inadequate grade is given
--                                 (entering reaudit_due).
--
-- Grades: the document names "inadequate" and "Outstanding" (L441); the others
-- are the Social Care template's ([INF], L439 "modified versions of those used by
-- Social Care"). Deviation: the spec's A1 audit_completed(grade) is one action
-- with a computed target (inadequate -> reaudit_due).
-- Not encoded (staff-level): how often each worker is audited (Appendix 12,
-- ABSENT, L439); the Quality Assurance Framework (L443, ABSENT).

workflow "case_audit" {
  title = "Case audit",
  document = "000_f11e1e0f13a59c3f.txt",
  initial = "audit_in_progress",
  opened_by = { "auditor" },
  data = {
    audited_case = text { required = true, label = "EHM case audited" },
    worker_type = enum { "keyworker", "fsw", "social_worker", required = true },   -- L439
  },
  significant = "Audit started",
}

state "audit_in_progress" { line = 437, title = "Audit with the case worker" }
state "reaudit_due" { line = 441, title = "Inadequate: improvement plan, re-audit in 3 months" }
state "audit_closed" { line = 441, terminal = true, title = "Audit complete" }

record "audit_form" {
  line = 439, by = { "auditor" },
  fields = { findings = text { required = true } },
}

-- L441: "The case will be re-audited 3 months later to ensure that the actions have been achieved."
timescale "TM_B6_reaudit_3_months" {
  line = 441,
  what = "Re-audit 3 months after an inadequate grading",
  within = months(3),
  from = "enter:reaudit_due",
  satisfied_by = "reaudit_completed",
  note = "overdue alert to the Service Manager [INF]",
}

action "audit_completed" {
  line = 441, title = "Audit graded",
  -- L437: "Audits will be completed alongside case workers"
  from = "audit_in_progress", by = "auditor",
  input = {
    grade = enum { "outstanding", "good", "requires_improvement", "inadequate", required = true },
    improvement_plan = text {},
  },
  requires = "audit_form",
  guards = {
    { line = 441, reason = "an inadequate grading needs a clear plan to improve the outcome of the work",
      -- L441: "the Service Manager will be informed and a clear plan will be put in place"
      check = function(case, input)
        return input.grade ~= "inadequate" or (input.improvement_plan ~= nil and input.improvement_plan ~= "")
      end },
  },
  to = function(case, input)
    if input.grade == "inadequate" then return "reaudit_due" end
    return "audit_closed"
  end,
  targets = { "reaudit_due", "audit_closed" },
  effect = function(case, input)
    case.data.grade = input.grade
    if input.grade == "inadequate" then
      case.data.service_manager_informed = true        -- L441
      case.data.improvement_plan = input.improvement_plan
    end
    if input.grade == "outstanding" then
      case.data.shared_with_service_manager = true     -- L441 "to celebrate good practice"
    end
  end,
  significant = "Audit graded",
}
action "reaudit_completed" {
  line = 441, title = "Re-audit: have the actions been achieved?",
  from = "reaudit_due", by = "auditor",
  input = { actions_achieved = boolean { required = true } },
  to = "audit_closed",
  effect = function(case, input) case.data.reaudit_actions_achieved = input.actions_achieved end,
  significant = "Re-audited",
}
