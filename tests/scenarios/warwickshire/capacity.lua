-- tests/scenarios/warwickshire/capacity.lua: caseload caps as guards over the
-- engine's assignee_cases fact (Table 3, L94, L215-L217; limits in
-- authorities/warwickshire.lua): a Complex-Intensive worker takes at most 8
-- cases, a Complex worker at most 15. L<n> = shared/seeds/003_6f36f2e5d3d52058.txt.
scenario "Warwickshire: caseload caps" {
  authority = "warwickshire",
  start = "2026-02-02T09:00:00Z",
  users = {
    eho = { "early_help_officer", team = "south" },
    chair = { "early_help_caf_manager", team = "south" },
    ci = { "fsw", team = "south" },
    ci2 = { "fsw", team = "south" },
    cx = { "fsw", team = "south" },
  },
}

local function referral(level, n)
  local c = open_case {
    workflow = "family_support_work", as = "eho",
    data = { referrer = "MASH EHO", source = "mash_eho", level = level, locality = "south" },
    members = { { id = "k" .. n, name = "Kid " .. n, role = "child", dob = "2013-03-03" } },
  }
  add_record(c, "single_assessment", { as = "eho", fields = { kind = "early_help", completed_on = "2026-01-30" } })
  add_record(c, "consent_for_service", { as = "eho", fields = { given_by = "parent " .. n, given_on = "2026-02-02" } })
  act(c, "triage_pass", { as = "eho", input = {
    stepped_approach_step = level == "complex_intensive" and "step_4a" or "step_3", threshold_tier = "tier_3",
    pf_data_matched = true, pf_domestic_abuse = true, pf_school_attendance = true, pf_crime_asb = true,
    pf_out_of_work = true, pf_health = false, pf_tier3_4_threshold = false } })
  return c
end
local function alloc(worker)
  return { fsw = user_id(worker), screened_at_meeting = true, agreed_in_supervision = true, meeting_date = "2026-02-05" }
end

local cases = {}
for i = 1, 9 do cases[i] = referral("complex_intensive", i) end
local extra = referral("complex", 10)
at "2026-02-05T10:00:00Z"
for i = 1, 8 do act(cases[i], "allocate", { as = "chair", input = alloc("ci") }) end
-- Level 3 early help Complex-Intensive (no social worker): the FSW leads (Table 3, L217).
expect_state(cases[1], "intervention_active", "L217: Level 3 Early Help - Yes (lead professional)")
expect_data(cases[1], "lead_professional", "fsw", "L217: FSW is lead professional without a social worker")
refuse(cases[9], "allocate", { as = "chair", input = alloc("ci") }, "guard_failed", "L217: Complex Intensive 6-8 cases per worker")
act(cases[9], "allocate", { as = "chair", input = alloc("ci2") })
expect_assigned(cases[9], "ci2", "L166: allocated to a worker with capacity")
act(extra, "allocate", { as = "chair", input = alloc("ci") })
expect_assigned(extra, "ci", "L94: 10-15 cases for Complex work")

-- A Complex worker: the 16th case is refused (L94 "hold cases of 10-15").
local cx_cases = {}
for i = 1, 16 do cx_cases[i] = referral("complex", 100 + i) end
for i = 1, 15 do act(cx_cases[i], "allocate", { as = "chair", input = alloc("cx") }) end
refuse(cx_cases[16], "allocate", { as = "chair", input = alloc("cx") }, "guard_failed", "L94: hold cases of 10-15")
expect_state(cx_cases[16], "allocation_meeting_pending", "L189: not allocated; the meeting may decline for capacity")
