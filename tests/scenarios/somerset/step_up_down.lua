-- tests/scenarios/somerset/step_up_down.lua: step-up under safeguarding
-- procedures "when there is evidence that someone could be at risk" (L80,
-- L267), sharing without consent only once stepped up (spec §8.12), step
-- down to early help "as needs ... lessen" (L255), and closure after a
-- step-up only with an explicit handover (L222, spec §8.11).
scenario "Somerset: step up to safeguarding and step down to early help" {
  authority = "somerset",
  start = "2026-02-02T09:00:00Z",
  users = {
    prac = { "practitioner", team = "one_team" },
    lp = { "lead_professional", team = "one_team" },
  },
}

local c = open_case {
  workflow = "think_family", as = "prac",
  data = { identifying_agency = "One Team", concern = "Young carer; parent with mental ill health", point_of_entry = "one_team" },
  members = {
    { id = "kai", name = "Kai", role = "child", dob = "2012-05-05" },
    { id = "sue", name = "Sue", role = "parent", dob = "1985-01-01" },
  },
}
act(c, "request_consent", { as = "prac" })
act(c, "consent_given", { as = "prac", input = { parents_consent = true, children_consent = true } })
add_record(c, "early_help_assessment", { as = "prac", fields = {
  members_assessed = { "kai", "sue" }, strengths = "Kai is resourceful", needs = "Young carer support",
  hidden_harm_factors = { "mental_health" } } })
act(c, "complete_eha", { as = "prac" })
act(c, "record_level_of_need", { as = "prac", input = { level = 3, rationale = "Multiple needs" } })
act(c, "route_multi_agency", { as = "prac", input = { forum = "one_team" } })
act(c, "appoint_lead_professional", { as = "prac", input = { lead_professional = user_id "lp" } })
act(c, "agree_family_plan", { as = "lp", input = { outcomes = "Kai supported as a young carer" } })
expect_state(c, "plan_active", "L281: plan in place")

-- step up
at "2026-03-02T10:00:00Z"
act(c, "safeguarding_concern", { as = "lp", input = {
  evidence = "Sue disclosed thoughts of harming Kai", procedure = "south_west_child_protection_procedures" } })
expect_state(c, "stepped_up_statutory", "L80: intervene when someone could be at risk")
expect_records(c, "safeguarding_referral", 1, "L267: South West Child Protection Procedures")
expect_data(c, "stepped_up_from", "plan_active", "L255: stepped up from the family plan")
refuse(c, "share_information", { as = "lp", input = { to_agency = "CSC", purpose = "s47" } },
  "wrong_state", "L219: consent-based sharing is not the route once stepped up")
act(c, "share_information_safeguarding", { as = "lp", input = {
  to_agency = "Children's Social Care", purpose = "Strategy discussion" } })
expect_data(c, "shared_without_consent", true, "L80 [spec §8.12]: shared under safeguarding, recorded as such")

-- step down: consent and EHA exist, so early help resumes at the level of need
at "2026-04-13T10:00:00Z"
act(c, "step_down_to_early_help", { as = "lp", input = { rationale = "Child protection enquiry closed; early help" } })
expect_state(c, "level_determination", "L255: supported as needs lessen")
expect_data(c, "stepped_down_from_statutory", true, "L255: step down recorded")
act(c, "route_multi_agency", { as = "lp", input = { forum = "one_team" } })
act(c, "agree_family_plan", { as = "lp", input = { outcomes = "Kai's caring role reduced" } })
expect_state(c, "plan_active", "L281: new plan after step down")

-- step up again, then close with the statutory service holding the case
at "2026-05-11T10:00:00Z"
act(c, "safeguarding_concern", { as = "lp", input = {
  evidence = "Sue sectioned; Kai alone", procedure = "south_west_child_protection_procedures" } })
expect_state(c, "stepped_up_statutory", "L80: stepped up again")
add_record(c, "closure_summary", { as = "lp", fields = {
  outcome = "handed_over_to_statutory", summary = "Children's Social Care lead" } })
refuse(c, "close_case", { as = "lp" }, "guard_failed", "L222: do not lose sight of the family by referring on")
add_record(c, "handover_note", { as = "lp", fields = {
  receiving_service = "Children's Social Care", summary = "Handover meeting held" } })
act(c, "close_case", { as = "lp" })
expect_state(c, "closed", "L222 [spec §8.11]: closed after an explicit handover")

-- An adult at risk, stepped up before consent was sought: stepping down
-- returns the family to the consent step (computed target)
local d = open_case {
  workflow = "think_family", as = "prac",
  data = { identifying_agency = "Adult social care", concern = "Vulnerable adult in household", point_of_entry = "adult_services" },
  members = {
    { id = "ivy", name = "Ivy", role = "child", dob = "2017-03-03" },
    { id = "ned", name = "Ned", role = "parent", dob = "1979-09-09" },
  },
}
act(d, "safeguarding_concern", { as = "prac", input = {
  evidence = "Ned financially exploited", procedure = "joint_adult_multi_agency_safeguarding_policy" } })
expect_state(d, "stepped_up_statutory", "L265: Joint Adult Multi-Agency Safeguarding Policy")
expect_data(d, "stepped_up_from", "need_identified", "L80: step up from any point")
act(d, "step_down_to_early_help", { as = "prac", input = { rationale = "Adult safeguarding concluded" } })
expect_state(d, "consent_pending", "L77: consent is still to be sought after step down")
