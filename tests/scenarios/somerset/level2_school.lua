-- tests/scenarios/somerset/level2_school.lua: routing by level of need. A
-- school-age child in a family needing Level 2 support is supported by the
-- school's Parent and Family Support Advisor (L236), never routed to
-- multi-agency support; other levels are not routed to the school.
scenario "Somerset: school-age Level 2 support delivered by the school" {
  authority = "somerset",
  start = "2026-02-02T09:00:00Z",
  users = {
    prac = { "practitioner", team = "schools" },
    pfsa = { "school_pfsa", team = "schools" },
  },
}

local c = open_case {
  workflow = "think_family", as = "pfsa",
  data = { identifying_agency = "Primary school", concern = "Attendance and behaviour", point_of_entry = "school" },
  members = {
    { id = "ben", name = "Ben", role = "child", dob = "2016-09-10" },
    { id = "kim", name = "Kim", role = "parent", dob = "1988-03-03" },
  },
}
expect_state(c, "need_identified", "L236: a school PFSA is a point of entry (L53)")
act(c, "request_consent", { as = "pfsa" })
act(c, "consent_given", { as = "pfsa", input = { parents_consent = true, children_consent = true } })
add_record(c, "early_help_assessment", { as = "pfsa", fields = {
  members_assessed = { "ben", "kim" }, strengths = "Supportive grandparents", needs = "Routines" } })
act(c, "complete_eha", { as = "pfsa" })
expect_state(c, "level_determination", "L281: whole-family EHA completed")

act(c, "record_level_of_need", { as = "pfsa", input = { level = 3, rationale = "Complex needs" } })
refuse(c, "route_level2_school", { as = "pfsa", input = { school_pfsa = user_id "pfsa" } },
  "guard_failed", "L236: school delivery is for families in need of Level 2")

act(c, "record_level_of_need", { as = "pfsa", input = { level = 2, rationale = "On review: Level 2" } })
refuse(c, "route_multi_agency", { as = "pfsa", input = { forum = "team_around_the_school" } },
  "guard_failed", "L236: school-age Level 2 is delivered by the school")
act(c, "route_level2_school", { as = "prac", input = { school_pfsa = user_id "pfsa" } })
expect_state(c, "level2_school_support", "L236: delivered by the school PFSA")
expect_assigned(c, "pfsa", "L236 [INF]: the PFSA leads")

act(c, "agree_family_plan", { as = "pfsa", input = { outcomes = "Attendance above 95%" } })
expect_state(c, "plan_active", "L281: family plan")
act(c, "needs_lessened", { as = "pfsa", input = { rationale = "Attendance restored" } })
expect_state(c, "stepped_down", "L255: needs lessen")
add_record(c, "closure_summary", { as = "pfsa", fields = { outcome = "stepped_down", summary = "Universal school support" } })
act(c, "close_case", { as = "pfsa" })
expect_state(c, "closed", "L255 [INF]: closed")

-- A Level 2 family whose only child is not of school age is not a school case
local d = open_case {
  workflow = "think_family", as = "prac",
  data = { identifying_agency = "Nursery", concern = "Development" },
  members = {
    { id = "zoe", name = "Zoe", role = "child", dob = "2022-01-15" },
    { id = "max", name = "Max", role = "parent", dob = "1995-07-07" },
  },
}
act(d, "request_consent", { as = "prac" })
act(d, "consent_given", { as = "prac", input = { parents_consent = true } })
add_record(d, "early_help_assessment", { as = "prac", fields = {
  members_assessed = { "zoe", "max" }, strengths = "Engaged", needs = "Speech" } })
act(d, "complete_eha", { as = "prac" })
act(d, "record_level_of_need", { as = "prac", input = { level = 2, rationale = "Level 2" } })
refuse(d, "route_level2_school", { as = "prac", input = { school_pfsa = user_id "pfsa" } },
  "guard_failed", "L236: only where the child is of school age")
act(d, "route_multi_agency", { as = "prac", input = { forum = "healthy_child_meeting" } })
expect_state(d, "multi_agency_support", "L238: Healthy Child meeting route")
