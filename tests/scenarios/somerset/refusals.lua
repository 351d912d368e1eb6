-- tests/scenarios/somerset/refusals.lua: every refusal kind on the
-- think_family workflow: wrong_role, wrong_state, invalid_input (missing
-- required field, wrong type, value outside an enum), guard_failed,
-- missing_record and case_closed. L<n> = line of seeds/004_65d7fb9168a38b90.txt.
scenario "Somerset: refusals on a Think Family episode" {
  authority = "somerset",
  start = "2026-01-05T09:00:00Z",
  users = {
    prac = { "practitioner", team = "getset" },
    cmooe = "cmooe_meeting",
    owner = "action_owner",
    exec = "childrens_trust_executive",
  },
}

local c = open_case {
  workflow = "think_family", as = "prac",
  data = { identifying_agency = "Police", concern = "Domestic abuse call-out", point_of_entry = "police" },
  members = {
    { id = "ava", name = "Ava", role = "child", dob = "2014-02-20" },
    { id = "liz", name = "Liz", role = "parent", dob = "1987-11-11" },
    { id = "tom", name = "Tom", role = "parent", dob = "1984-05-05" },
  },
}

-- wrong_role
refuse(c, "request_consent", { as = "exec" }, "wrong_role", "L213: practitioners seek consent, not the CTE")
refuse(c, "request_consent", { as = "cmooe" }, "wrong_role", "L77: a practitioner seeks permission")

-- wrong_state
refuse(c, "complete_eha", { as = "prac" }, "wrong_state", "L77: no assessment before permission is sought")
refuse(c, "consent_given", { as = "prac", input = { parents_consent = true } },
  "wrong_state", "L77: consent is recorded once it has been sought")

act(c, "request_consent", { as = "prac" })
expect_state(c, "consent_pending", "L77: permission sought")

-- missing_record: no sharing before consent
refuse(c, "share_information", { as = "prac", input = { to_agency = "School", purpose = "Attendance" } },
  "missing_record", "L219: information is shared with consent")

-- invalid_input: missing required field, wrong type
refuse(c, "consent_given", { as = "prac", input = { children_consent = true } },
  "invalid_input", "L77: parents' permission must be recorded")
refuse(c, "consent_given", { as = "prac", input = { parents_consent = "yes" } },
  "invalid_input", "L219: consent is a yes/no answer")
refuse(c, "list_for_cmooe", { as = "prac", input = { child = 42 } },
  "invalid_input", "L243: the listed child is a family member")
refuse(c, "safeguarding_concern", { as = "prac", input = { procedure = "south_west_child_protection_procedures" } },
  "invalid_input", "L80: a step-up states the evidence of risk")
refuse(c, "safeguarding_concern", { as = "prac", input = { evidence = "x", procedure = "mash" } },
  "invalid_input", "L267: step-up follows a named safeguarding procedure")

-- guard_failed: nobody consented
refuse(c, "consent_given", { as = "prac", input = { parents_consent = false, children_consent = false } },
  "guard_failed", "L219: sharing needs someone's consent")
act(c, "consent_given", { as = "prac", input = { parents_consent = true, children_consent = true } })
expect_state(c, "eha_in_progress", "L219: consent given")

-- missing_record: EHA not yet written
refuse(c, "complete_eha", { as = "prac" }, "missing_record", "L233: the Early Help Assessment is required")
-- guard_failed: the EHA leaves out a parent (not the whole family)
add_record(c, "early_help_assessment", { as = "prac", fields = {
  members_assessed = { "ava", "liz" }, strengths = "Mother protective", needs = "Safety planning" } })
refuse(c, "complete_eha", { as = "prac" }, "guard_failed", "L281: the needs of the whole family are assessed")
add_record(c, "early_help_assessment", { as = "prac", fields = {
  members_assessed = { "ava", "liz", "tom" }, strengths = "Mother protective", needs = "Safety planning",
  hidden_harm_factors = { "domestic_abuse" } } })
expect_records(c, "early_help_assessment", 2, "L233: EHA recorded")
act(c, "complete_eha", { as = "prac" })
expect_state(c, "level_determination", "L281: whole-family EHA completed")

-- guard_failed: no level recorded yet; no plan yet for flexibility
refuse(c, "route_multi_agency", { as = "prac", input = { forum = "one_team" } },
  "guard_failed", "L253: the level of need comes first")
refuse(c, "cmooe_review", { as = "cmooe", input = { outcome = "remain_listed" } },
  "guard_failed", "L243: only a listed child is considered")
refuse(c, "cmooe_review", { as = "prac", input = { outcome = "remain_listed" } },
  "wrong_role", "L243: the CMooE meeting considers the child")

-- case_closed: a second family declines consent; nothing applies afterwards
local d = open_case {
  workflow = "think_family", as = "prac",
  data = { identifying_agency = "GP", concern = "Parental substance misuse" },
  members = {
    { id = "eli", name = "Eli", role = "child", dob = "2019-08-08" },
    { id = "ray", name = "Ray", role = "parent", dob = "1980-01-01" },
  },
}
act(d, "request_consent", { as = "prac" })
act(d, "consent_declined", { as = "prac", input = { reason = "Family do not want agencies involved" } })
expect_state(d, "closed", "L77 [INF]: consent declined ends the episode")
refuse(d, "request_consent", { as = "prac" }, "case_closed", "L77: a closed episode takes no action")
refuse(d, "safeguarding_concern", { as = "prac", input = { evidence = "x",
  procedure = "south_west_child_protection_procedures" } }, "case_closed", "L80: reopen as a new case")
