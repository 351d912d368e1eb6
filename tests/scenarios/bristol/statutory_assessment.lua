-- tests/scenarios/bristol/statutory_assessment.lua: statutory assessments by
-- the FiF Social Worker as directed by the co-ordinator (L158-L164): the four
-- assessment types' conditions (L159-L162, incl. s85's 12 weeks = 84 days,
-- spec §8.16), TM-B1 "usually 45 days" met and breached, and the four
-- outcomes (closure, step-down to universal services, internal FiF
-- allocation, step-up through the weekly Locality Meeting).
-- Due dates by hand (DESIGN §3): N days = the direction's date + N, due
-- 23:59:59 London time (GMT "T23:59:59Z", BST "T22:59:59Z").
scenario "Bristol: statutory assessments (45 days)" {
  authority = "bristol",
  start = "2026-02-02T09:00:00Z",
  users = {
    asw = "area_social_worker",
    asw2 = "area_social_worker",
    lm = { "locality_meeting", team = "south" },
    coord = { "fif_coordinator", team = "south" },
    sw = { "fif_social_worker", team = "south" },
    fsw = { "fsw", team = "south" },
  },
}

local function listed()
  return open_case { workflow = "families_in_focus", as = "asw", state = "locality_meeting_listed",
    data = { referrer = "Housing", locality = "south", reason = "Eviction notice",
             consent = true, multi_agency_evidence = true, request_type = "fif_support",
             already_open_to = "Area social work (South)" },
    members = {
      { id = "cal", name = "Cal", role = "child", dob = "2011-11-11" },
      { id = "dee", name = "Dee", role = "parent", dob = "1990-01-01" },
    } }
end
local s1, s3, s4, s5, s6 = listed(), listed(), listed(), listed(), listed()
local sa = function(kind, extra)
  local t = { social_worker = user_id "sw", assessment_type = kind }
  for k, v in pairs(extra or {}) do t[k] = v end
  return t
end
local lcs = { lcs_reference = "LCS-0001", analysis = "Assessment analysis" }

at "2026-02-02T10:00:00Z"
refuse(s1, "direct_statutory_assessment", { as = "lm",
  input = sa("s17_intentionally_homeless", { at_risk_of_street_homelessness = true }) }, "wrong_role",
  "L158: statutory assessments are directed by the Families in Focus co-ordinator")
refuse(s1, "direct_statutory_assessment", { as = "coord",
  input = sa("s17_intentionally_homeless", { at_risk_of_street_homelessness = false }) }, "guard_failed",
  "L159: s17 when a family is deemed at risk of street homelessness")
refuse(s1, "direct_statutory_assessment", { as = "coord",
  input = sa("s17_intentionally_homeless", { social_worker = user_id "fsw", at_risk_of_street_homelessness = true }) },
  "invalid_input", "L157: carried out by a Families in Focus Social Worker")
act(s1, "direct_statutory_assessment", { as = "coord",
  input = sa("s17_intentionally_homeless", { at_risk_of_street_homelessness = true }) })
expect_state(s1, "statutory_assessment_active", "L158: assessment directed")
expect_assigned(s1, "sw", "L158: FiF Social Workers carry out statutory assessments")
expect_timescale(s1, "TM_B15_locality_meeting_1_week", { status = "cancelled" },
  "L158: the co-ordinator's direction takes the family off the Locality Meeting list")
-- 2 February + 45 days = 19 March
expect_timescale(s1, "TM_B1_statutory_assessment_45_days", { status = "pending", due = "2026-03-19" },
  "L164: completed within timescales (usually 45 days)")

refuse(s3, "direct_statutory_assessment", { as = "coord",
  input = sa("s17za_young_carer", { la_considers_support_needs = false, parent_requested = false }) },
  "guard_failed", "L161: s17ZA when the LA considers there may be support needs or the parent requests one")
act(s3, "direct_statutory_assessment", { as = "coord", input = sa("s17za_young_carer", { parent_requested = true }) })
expect_timescale(s3, "TM_B1_statutory_assessment_45_days", { status = "pending", due = "2026-03-19T23:59:59Z" },
  "L164: usually 45 days")

refuse(s4, "direct_statutory_assessment", { as = "coord",
  input = sa("s7_private_proceedings", { subject_of_private_proceedings = true }) }, "guard_failed",
  "L162: s7 only if a case open to Families in Focus is the subject of private proceedings")
act(s4, "lm_allocate_fsw", { as = "lm", input = { fsw = user_id "fsw" } })
refuse(s4, "direct_statutory_assessment", { as = "coord",
  input = sa("s7_private_proceedings", { subject_of_private_proceedings = false }) }, "guard_failed",
  "L162: the open case must be the subject of private proceedings")
act(s4, "direct_statutory_assessment", { as = "coord",
  input = sa("s7_private_proceedings", { subject_of_private_proceedings = true }) })
expect_state(s4, "statutory_assessment_active", "L162: s7 assessment of a case open to FiF")

act(s5, "direct_statutory_assessment", { as = "coord",
  input = sa("s17_intentionally_homeless", { at_risk_of_street_homelessness = true }) })

-- Outcomes (L164) ------------------------------------------------------------------
at "2026-02-20T10:00:00Z"
add_record(s4, "statutory_assessment", { as = "sw", fields = lcs })
act(s4, "assessment_outcome", { as = "sw", input = { outcome = "internal_fif_allocation", plan = "FSW support" } })
expect_state(s4, "locality_meeting_listed", "L164: internal allocation to a Families in Focus service")
expect_data(s4, "request_type", "fif_support", "L164: internal FiF allocation")
expect_timescale(s4, "TM_B15_locality_meeting_1_week", { status = "pending", due = "2026-02-27" },
  "L45: relisted for the weekly meeting")
expect_timescale(s4, "TM_B1_statutory_assessment_45_days", { status = "met" }, "L164: completed in time")

add_record(s5, "statutory_assessment", { as = "sw", fields = lcs })
act(s5, "assessment_outcome", { as = "sw", input = { outcome = "safeguarding", plan = "Refer to area social work" } })
expect_state(s5, "locality_meeting_listed", "L164: requests for statutory social work allocation go through the weekly locality meeting")
expect_data(s5, "request_type", "statutory_sw_allocation", "L164: a request for statutory social work allocation")
refuse(s5, "lm_allocate_area_social_worker", { as = "lm",
  input = { social_worker = user_id "asw2", risk_of_significant_harm = false } }, "guard_failed",
  "L63: an area social worker investigates where a child may be at risk of significant harm")
act(s5, "lm_allocate_area_social_worker", { as = "lm",
  input = { social_worker = user_id "asw2", risk_of_significant_harm = true } })
expect_state(s5, "stepped_up_area_sw", "L63, L164: stepped up: area social worker is lead professional")
expect_assigned(s5, "asw2", "L63: an area social worker acts as lead professional")

at "2026-03-10T10:00:00Z"
refuse(s1, "assessment_outcome", { as = "sw", input = { outcome = "closure", plan = "Housed" } }, "missing_record",
  "L158: Child in Need assessments are completed on LCS")
refuse(s1, "assessment_outcome", { as = "sw", input = { outcome = "rehoused", plan = "Housed" } }, "invalid_input",
  "L164: the plan is one of four outcomes")
add_record(s1, "statutory_assessment", { as = "sw", fields = lcs })
act(s1, "assessment_outcome", { as = "sw", input = { outcome = "closure", plan = "Family rehoused" } })
expect_state(s1, "closing", "L164: a plan for closure")
expect_timescale(s1, "TM_B1_statutory_assessment_45_days", { status = "met", due = "2026-03-19" },
  "L164: completed within 45 days")

-- s3 runs past 45 days
at "2026-03-20T09:00:00Z"
expect_timescale(s3, "TM_B1_statutory_assessment_45_days", { status = "breached", due = "2026-03-19T23:59:59Z" },
  "L164: not completed within the usual 45 days")
expect_data(s3, "statutory_assessment_overdue", true, "L164: overdue alert [INF], no automatic transition")
expect_state(s3, "statutory_assessment_active", "L164: 'usually' is a soft target")
at "2026-03-23T10:00:00Z"
add_record(s3, "statutory_assessment", { as = "sw", fields = lcs })
act(s3, "assessment_outcome", { as = "sw", input = { outcome = "step_down_universal", plan = "Young carers group" } })
expect_state(s3, "stepped_down_universal", "L164: step down to universal services")
expect_timescale(s3, "TM_B1_statutory_assessment_45_days", { status = "met_late" }, "L164: completed late")
refuse(s3, "log_contact", { as = "sw", input = { contact = "phone" } }, "case_closed",
  "L164: stepped down: FiF holds no case")

-- s85: in hospital for 12 weeks or more (84 days; admitted 1 January)
at "2026-03-25T10:00:00Z"
refuse(s6, "direct_statutory_assessment", { as = "coord", input = sa("s85_hospital", {}) }, "guard_failed",
  "L160: s85 needs the hospital admission date")
refuse(s6, "direct_statutory_assessment", { as = "coord",
  input = sa("s85_hospital", { hospital_admission = "2026-01-01" }) }, "guard_failed",
  "L160: 83 days is less than 12 weeks in hospital")
at "2026-03-26T10:00:00Z"
act(s6, "direct_statutory_assessment", { as = "coord", input = sa("s85_hospital", { hospital_admission = "2026-01-01" }) })
expect_state(s6, "statutory_assessment_active", "L160: in hospital for 12 weeks or more (84 days)")
-- 26 March + 45 days = 10 May, British Summer Time
expect_timescale(s6, "TM_B1_statutory_assessment_45_days", { status = "pending", due = "2026-05-10T22:59:59Z" },
  "L164: usually 45 days")
