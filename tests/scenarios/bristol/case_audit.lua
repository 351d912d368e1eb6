-- tests/scenarios/bristol/case_audit.lua: case audits (L437-L441): an
-- inadequate grading informs the Service Manager, needs a clear improvement
-- plan and a re-audit 3 months later (TM-B6); an outstanding one is shared
-- with the Service Manager. One audit is spawned from a FiF episode.
-- Due dates by hand (DESIGN §3): months = same day-of-month, clamped to the
-- month's end, due 23:59:59 London time (GMT "T23:59:59Z", BST "T22:59:59Z").
scenario "Bristol: case audits and the 3-month re-audit" {
  authority = "bristol",
  start = "2026-01-05T09:00:00Z",
  users = {
    aud = "auditor",
    sm = "service_manager",
    asw = "area_social_worker",
  },
}

local function audit(ref, worker)
  return open_case { workflow = "case_audit", as = "aud", data = { audited_case = ref, worker_type = worker },
    members = { { id = "gus", name = "Gus", role = "child", dob = "2014-04-04" } } }
end

local a1 = audit("EHM-1001", "keyworker")
at "2026-01-05T10:00:00Z"
refuse(a1, "audit_completed", { as = "sm", input = { grade = "good" } }, "wrong_role",
  "L437: audits are completed by auditors alongside case workers")
refuse(a1, "audit_completed", { as = "aud", input = { grade = "good" } }, "missing_record",
  "L439: the audit form template")
add_record(a1, "audit_form", { as = "aud", fields = { findings = "Plan drift; no chronology" } })
refuse(a1, "audit_completed", { as = "aud", input = { grade = "inadequate" } }, "guard_failed",
  "L441: a clear plan will be put in place to improve the outcome of the work")
refuse(a1, "audit_completed", { as = "aud", input = { grade = "poor" } }, "invalid_input",
  "L441: the grading")
act(a1, "audit_completed", { as = "aud", input = { grade = "inadequate", improvement_plan = "Chronology within 2 weeks" } })
expect_state(a1, "reaudit_due", "L441: inadequate grading")
expect_data(a1, "service_manager_informed", true, "L441: the Service Manager will be informed")
-- 5 January + 3 months = 5 April, British Summer Time
expect_timescale(a1, "TM_B6_reaudit_3_months", { status = "pending", due = "2026-04-05T22:59:59Z" },
  "L441: re-audited 3 months later")

local a4 = audit("EHM-1004", "fsw")
add_record(a4, "audit_form", { as = "aud", fields = { findings = "Child's voice throughout" } })
act(a4, "audit_completed", { as = "aud", input = { grade = "outstanding" } })
expect_state(a4, "audit_closed", "L441: no re-audit for an outstanding grading")
expect_data(a4, "shared_with_service_manager", true, "L441: shared with the Service Manager to celebrate good practice")
refuse(a4, "reaudit_completed", { as = "aud", input = { actions_achieved = true } }, "case_closed",
  "L441: the audit is complete")

-- An audit spawned from a FiF episode (L439: social workers are audited too)
local fif = open_case { workflow = "families_in_focus", as = "asw", state = "locality_meeting_listed",
  data = { referrer = "Area social worker", locality = "south", reason = "Neglect", consent = true,
           multi_agency_evidence = true, request_type = "fif_support" },
  members = { { id = "gus", name = "Gus", role = "child", dob = "2014-04-04" } } }
at "2026-01-30T10:00:00Z"
act(fif, "start_case_audit", { as = "aud", input = { ehm_reference = "EHM-2002", worker_type = "social_worker" } })
local a2 = linked(fif, "case_audit")
expect_state(a2, "audit_in_progress", "L437: audit of the case")
expect_data(a2, "audited_case", "EHM-2002", "L439: the case audited")
add_record(a2, "audit_form", { as = "aud", fields = { findings = "No SoS mapping" } })
act(a2, "audit_completed", { as = "aud", input = { grade = "inadequate", improvement_plan = "SoS mapping" } })
expect_timescale(a2, "TM_B6_reaudit_3_months", { status = "pending", due = "2026-04-30" },
  "L441: re-audit 3 months later (30 April)")

at "2026-04-01T10:00:00Z"
act(a1, "reaudit_completed", { as = "aud", input = { actions_achieved = true } })
expect_timescale(a1, "TM_B6_reaudit_3_months", { status = "met" }, "L441: re-audited within 3 months")
expect_state(a1, "audit_closed", "L441: actions achieved")

at "2026-05-01T09:00:00Z"
expect_timescale(a2, "TM_B6_reaudit_3_months", { status = "breached", due = "2026-04-30T22:59:59Z" },
  "L441: no re-audit 3 months later")
at "2026-05-05T10:00:00Z"
act(a2, "reaudit_completed", { as = "aud", input = { actions_achieved = false } })
expect_timescale(a2, "TM_B6_reaudit_3_months", { status = "met_late" }, "L441: re-audited late")

-- Month-end clamp: 30 November + 3 months = 28 February 2027
local a3 = audit("EHM-3003", "fsw")
add_record(a3, "audit_form", { as = "aud", fields = { findings = "Case notes late" } })
at "2026-11-30T10:00:00Z"
act(a3, "audit_completed", { as = "aud", input = { grade = "inadequate", improvement_plan = "Case notes within 7 days" } })
expect_timescale(a3, "TM_B6_reaudit_3_months", { status = "pending", due = "2027-02-28T23:59:59Z" },
  "L441: 3 months later (clamped to the end of February)")
