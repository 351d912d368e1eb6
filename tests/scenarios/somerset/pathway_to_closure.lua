-- tests/scenarios/somerset/pathway_to_closure.lua: a Think Family episode from
-- the point of entry to closure (think_family). A family with a two-year-old:
-- consent, whole-family EHA, level of need, multi-agency support (MAISEY),
-- lead professional, family plan, sharing with consent, eligibility
-- flexibility, step down, closure. L<n> = line of seeds/004_65d7fb9168a38b90.txt.
scenario "Somerset: Think Family episode from need identified to closure" {
  authority = "somerset",
  start = "2026-01-05T09:00:00Z",
  users = {
    prac = { "practitioner", team = "getset" },
    lp = { "lead_professional", team = "one_team" },
    partner = { "partner_agency", team = "somerset_partnership" },
    owner = "action_owner",
  },
}

local c = open_case {
  workflow = "think_family", as = "prac",
  data = {
    identifying_agency = "getset", concern = "Parent struggling; toddler speech delay",
    point_of_entry = "getset", troubled_families_indicators = { "Non-Working Benefits" },
  },
  members = {
    { id = "mia", name = "Mia", role = "child", dob = "2023-06-01" },
    { id = "jo", name = "Jo", role = "parent", dob = "1990-02-02" },
  },
}
expect_state(c, "need_identified", "L53: no wrong door, any practitioner opens")

at "2026-01-05T10:00:00Z"
refuse(c, "request_consent", { as = "owner" }, "wrong_role", "L77: a practitioner seeks permission")
act(c, "request_consent", { as = "prac" })
expect_state(c, "consent_pending", "L77: permission for information sharing sought")

at "2026-01-06T10:00:00Z"
act(c, "consent_given", { as = "prac", input = { parents_consent = true, children_consent = false,
  scope = "EHA partners under the information sharing protocol" } })
expect_state(c, "eha_in_progress", "L219: consent recorded, EHA starts")
expect_records(c, "information_sharing_consent", 1, "L219: consent recorded")

at "2026-01-12T10:00:00Z"
add_record(c, "early_help_assessment", { as = "prac", fields = {
  members_assessed = { "mia", "jo" }, strengths = "Close family, engaged with getset",
  needs = "Speech and language; parental low mood", hidden_harm_factors = { "mental_health" } } })
act(c, "complete_eha", { as = "prac" })
expect_state(c, "level_determination", "L281: whole-family EHA completed")

act(c, "record_level_of_need", { as = "prac", input = { level = 2, rationale = "Additional needs" } })
expect_data(c, "level", 2, "L253: level of need recorded")
refuse(c, "route_level2_school", { as = "prac", input = { school_pfsa = user_id "prac" } },
  "invalid_input", "L236: the school route needs a PFSA")
act(c, "route_multi_agency", { as = "prac", input = { forum = "maisey" } })
expect_state(c, "multi_agency_support", "L239: MAISEY for the early years (no school-age child)")

act(c, "appoint_lead_professional", { as = "prac", input = { lead_professional = user_id "lp" } })
expect_assigned(c, "lp", "L67: a key contact or lead professional co-ordinates support")

at "2026-01-19T10:00:00Z"
act(c, "agree_family_plan", { as = "lp", input = {
  outcomes = "Speech improves; parent supported with low mood", services = { "getset", "health_visiting" } } })
expect_state(c, "plan_active", "L281: a clear plan for the family")
expect_records(c, "family_plan", 1, "L281: family plan recorded")

act(c, "share_information", { as = "lp", input = { to_agency = "Public Health Nursing", purpose = "Health visiting" } })
expect_records(c, "information_shared", 1, "L219: shared with consent")

act(c, "refer_to_service", { as = "lp", input = { service = "Adult mental health" } })
expect_state(c, "plan_active", "L222: referring on does not close the case")

act(c, "apply_eligibility_flexibility", { as = "partner", input = {
  partner_service = "Family support", justification = "Think Family plan in place" } })
expect_data(c, "flexibility_applied", true, "L370: flexibility can be identified")

at "2026-04-20T09:00:00Z"
act(c, "needs_lessened", { as = "lp", input = { rationale = "Plan outcomes met" } })
expect_state(c, "stepped_down", "L255: needs lessen, step down")

refuse(c, "close_case", { as = "lp" }, "missing_record", "L255 [INF]: closure needs a summary")
add_record(c, "closure_summary", { as = "lp", fields = { outcome = "needs_met", summary = "Outcomes achieved" } })
act(c, "close_case", { as = "lp" })
expect_state(c, "closed", "L255 [INF]: episode closed")
refuse(c, "share_information", { as = "lp", input = { to_agency = "x", purpose = "y" } },
  "case_closed", "L255: nothing applies to a closed episode")
