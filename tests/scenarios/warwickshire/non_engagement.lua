-- tests/scenarios/warwickshire/non_engagement.lua: a stuck case at the
-- locality panel, then non-engagement, assertive outreach and closure with
-- letters to the referrer and the family.
-- L<n> = shared/seeds/003_6f36f2e5d3d52058.txt.
scenario "Warwickshire: stuck case and non-engagement closure" {
  authority = "warwickshire",
  start = "2026-02-02T09:00:00Z",
  users = {
    eho = { "early_help_officer", team = "north" },
    chair = { "early_help_caf_manager", team = "north" },
    tm = { "locality_fsw_team_manager", team = "north" },
    fsw = { "fsw", team = "north" },
    panel = { "locality_panel", team = "north" },
  },
}

local c = open_case {
  workflow = "family_support_work", as = "eho",
  data = { referrer = "Oak School", source = "early_help_network", level = "complex", locality = "north" },
  members = {
    { id = "jo", name = "Jo", role = "child", dob = "2013-07-07" },
    { id = "kit", name = "Kit", role = "parent", dob = "1990-10-10" },
  },
}
add_record(c, "single_assessment", { as = "eho", fields = { kind = "early_help", completed_on = "2026-01-30" } })
add_record(c, "consent_for_service", { as = "eho", fields = { given_by = "Kit", given_on = "2026-02-02" } })
act(c, "triage_pass", { as = "eho", input = {
  stepped_approach_step = "step_3", threshold_tier = "tier_3", pf_data_matched = true,
  pf_domestic_abuse = false, pf_school_attendance = true, pf_crime_asb = true,
  pf_out_of_work = true, pf_health = true, pf_tier3_4_threshold = true } })
at "2026-02-05T10:00:00Z"
act(c, "allocate", { as = "chair", input = { fsw = user_id "fsw", screened_at_meeting = true,
  agreed_in_supervision = true, meeting_date = "2026-02-05" } })

-- A stuck case goes to the locality panel, which sends it back.
at "2026-03-02T10:00:00Z"
refuse(c, "refer_stuck_case", { as = "eho", input = { why_stuck = "no progress" } }, "wrong_role", "L210: the worker or team manager refers")
act(c, "refer_stuck_case", { as = "tm", input = { why_stuck = "no progress on attendance" } })
expect_state(c, "locality_panel_review", "L210: locality panels review 'stuck cases'")
refuse(c, "panel_outcome", { as = "tm", input = { outcome = "continue", capacity_to_change = "x" } }, "wrong_role", "L210: the panel decides")
refuse(c, "panel_outcome", { as = "panel", input = { outcome = "pause", capacity_to_change = "x" } }, "invalid_input", "L210: continue or exit")
act(c, "panel_outcome", { as = "panel", input = { outcome = "continue", capacity_to_change = "parent motivated" } })
expect_state(c, "intervention_active", "L210: capacity to change reviewed; work continues")

-- The family stops engaging.
at "2026-03-16T10:00:00Z"
act(c, "non_engagement_identified", { as = "fsw" })
expect_state(c, "assertive_outreach", "L200: assertive outreach approach")
refuse(c, "close_non_engagement", { as = "fsw" }, "guard_failed", "L200: only after an assertive outreach approach")
add_record(c, "outreach_attempt", { as = "fsw", fields = { attempted_on = "2026-03-17", method = "unannounced home visit" } })
add_record(c, "closure_letter_referrer", { as = "fsw", fields = { sent_on = "2026-03-20", signposting = "community resources list" } })
refuse(c, "close_non_engagement", { as = "fsw" }, "missing_record", "L200: a letter to the family as well as the referrer")
add_record(c, "closure_letter_family", { as = "fsw", fields = { sent_on = "2026-03-20", signposting = "community resources list" } })
at "2026-03-20T12:00:00Z"
act(c, "close_non_engagement", { as = "tm" })
expect_state(c, "closed_non_engagement", "L200: closure after assertive outreach, letters to referrer and family")
expect_timescale(c, "TM_W4_max_one_year", { status = "met" }, "L205: intervention ended within one year")
expect_timescale(c, "TM_W1_W4_reviews", { status = "cancelled", occurrence = 1 }, "L205: reviews end with the case")
refuse(c, "family_engages", { as = "tm" }, "wrong_role", "L200: only the worker records re-engagement")
refuse(c, "refer_stuck_case", { as = "tm", input = { why_stuck = "x" } }, "case_closed", "L200: the case is closed")

-- A second family re-engages after outreach.
local d = open_case {
  workflow = "family_support_work", as = "eho",
  data = { referrer = "GP", source = "mash_eho", level = "complex", locality = "north" },
  members = { { id = "lu", name = "Lu", role = "child", dob = "2010-01-01" } },
}
add_record(d, "single_assessment", { as = "eho", fields = { kind = "early_help", completed_on = "2026-03-01" } })
add_record(d, "consent_for_service", { as = "eho", fields = { given_by = "Lu's mother", given_on = "2026-03-20" } })
act(d, "triage_pass", { as = "eho", input = {
  stepped_approach_step = "step_3", threshold_tier = "tier_3", pf_data_matched = true,
  pf_domestic_abuse = true, pf_school_attendance = true, pf_crime_asb = true,
  pf_out_of_work = true, pf_health = false, pf_tier3_4_threshold = false } })
act(d, "allocate", { as = "chair", input = { fsw = user_id "fsw", screened_at_meeting = true,
  agreed_in_supervision = true, meeting_date = "2026-03-20" } })
act(d, "non_engagement_identified", { as = "fsw" })
act(d, "family_engages", { as = "fsw" })
expect_state(d, "intervention_active", "L200: the family engages after assertive outreach")
