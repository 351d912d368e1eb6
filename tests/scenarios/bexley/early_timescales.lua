-- Bexley: timescales after allocation met and breached: T06 (contact within
-- 3 days, L426), T07 (introductory visit within 5 days or as directed by the
-- manager, L241), T08 (5 working days of the referral date, L605), T16 (case
-- note within 72 hours (3 working days), L302) and T09 (assessment authorised
-- within 20 working days, L257). January/February 2026 (GMT).
scenario "Bexley: introductory visit and assessment timescales" {
  authority = "bexley",
  start = "2026-01-05T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    tm = { "team_manager", team = "north" },
    kw = { "key_worker", team = "north" },
  },
}

local ELIGIBLE = { factors = { "low_level_neglect" }, tier_three = true, not_in_need_or_at_risk = true }
local NOTE = {
  children_count = 1, needs_summary = "early signs of neglect", wellbeing_scaling = 3,
  initial_visit_by = "2026-01-10", assessment_by = "2026-02-02", planning_meeting_by = "2026-02-06",
  case_review_by = "2026-04-05",
}
-- F: everything late; G: the manager directs a later introductory visit (T07
-- extended) -------------------------------------------------------------------------
local f = open_case {
  workflow = "family_wellbeing", as = "mash",
  data = { referrer = "health visitor", referral_route = "professional_referral", written_consent = true },
  members = { { id = "dot", name = "Dot", role = "child", dob = "2021-08-08" } },
}
local g = open_case {
  workflow = "family_wellbeing", as = "mash",
  data = { referrer = "GP", referral_route = "professional_referral", written_consent = true },
  members = { { id = "eve", name = "Eve", role = "child", dob = "2016-11-11" } },
}
at "2026-01-05T09:30:00Z"
act(f, "mash_route_to_fws", { as = "mash" })
act(g, "mash_route_to_fws", { as = "mash" })
at "2026-01-05T10:00:00Z"
act(f, "accept_referral", { as = "duty", input = ELIGIBLE })
act(g, "accept_referral", { as = "duty", input = ELIGIBLE })
at "2026-01-05T11:00:00Z"
local nf = { key_worker = user_id "kw" }
for k, v in pairs(NOTE) do nf[k] = v end
act(f, "allocate_key_worker", { as = "duty", input = nf })
act(g, "allocate_key_worker", { as = "duty", input = nf })
expect_timescale(f, "T06_first_contact_3_days", { status = "pending", due = "2026-01-08" }, "L426: within 3 days")
expect_timescale(f, "T07_intro_visit_5_days", { status = "pending", due = "2026-01-10" }, "L241: within 5 days of allocation")
expect_timescale(f, "T08_intro_visit_5wd_of_referral", { status = "pending", due = "2026-01-12" }, "L605: within 5 working days of the referral date")

-- L241 "(or as directed by the manager)"
at "2026-01-05T11:30:00Z"
extend(g, "T07_intro_visit_5_days", { as = "tm", ["until"] = "2026-01-14", reason = "family away until 13 January" })
expect_timescale(g, "T07_intro_visit_5_days", { status = "pending", due = "2026-01-14" }, "L241: as directed by the manager")
at "2026-01-06T10:00:00Z"
act(g, "record_first_contact", { as = "kw", input = { visit_arranged_for = "2026-01-14" } })
expect_timescale(g, "T06_first_contact_3_days", { status = "met" }, "L426: contacted within 3 days")

at "2026-01-13T09:00:00Z"
expect_timescale(f, "T06_first_contact_3_days", { status = "breached", due = "2026-01-08" }, "L426: not contacted within 3 days")
expect_timescale(f, "T07_intro_visit_5_days", { status = "breached", due = "2026-01-10" }, "L241: no visit within 5 days")
expect_timescale(f, "T08_intro_visit_5wd_of_referral", { status = "breached", due = "2026-01-12" }, "L605: no visit within 5 working days")
expect_timescale(g, "T07_intro_visit_5_days", { status = "pending" }, "L241: the manager's date has not passed")
expect_timescale(g, "T08_intro_visit_5wd_of_referral", { status = "breached", due = "2026-01-12" }, "L605: the practice guidance rule still applies")
act(f, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })
expect_timescale(f, "T06_first_contact_3_days", { status = "met_late" }, "L426: contact made late")
expect_timescale(f, "T07_intro_visit_5_days", { status = "met_late" }, "L241: visit late")
expect_timescale(f, "T08_intro_visit_5wd_of_referral", { status = "met_late" }, "L605: visit late")
expect_timescale(f, "T16_visit_case_note_3wd", { status = "pending", due = "2026-01-16" }, "L302: case note within 3 working days")

at "2026-01-14T10:00:00Z"
act(g, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })
expect_timescale(g, "T07_intro_visit_5_days", { status = "met", due = "2026-01-14" }, "L241: visit on the date the manager directed")
expect_timescale(g, "T08_intro_visit_5wd_of_referral", { status = "met_late" }, "L605: later than 5 working days of the referral")
at "2026-01-15T10:00:00Z"
add_record(g, "case_note", { as = "kw", fields = { visit_type = "introductory visit" } })
expect_timescale(g, "T16_visit_case_note_3wd", { status = "met" }, "L776: recorded within 72 hours (3 working days)")

at "2026-01-19T09:00:00Z"
expect_timescale(f, "T16_visit_case_note_3wd", { status = "breached", due = "2026-01-16" }, "L302: not recorded within 3 working days")
add_record(f, "case_note", { as = "kw", fields = { visit_type = "introductory visit" } })
expect_timescale(f, "T16_visit_case_note_3wd", { status = "met_late" }, "L302: recorded late")

-- T09: authorised within 20 working days of the referral (Monday 5 January) ----------
add_record(f, "genogram_ecomap", { as = "kw", fields = { summary = "g" } })
add_record(f, "wellbeing_assessment", { as = "kw", fields = {
  network = "n", going_well = "g", worries = "w", needs_to_change = "c", help_needed = "h" } })
add_record(g, "genogram_ecomap", { as = "kw", fields = { summary = "g" } })
add_record(g, "wellbeing_assessment", { as = "kw", fields = {
  network = "n", going_well = "g", worries = "w", needs_to_change = "c", help_needed = "h" } })
at "2026-01-30T10:00:00Z"
act(g, "submit_assessment", { as = "kw" })
act(g, "authorise_assessment", { as = "tm" })
expect_timescale(g, "T09_assessment_authorised_20wd", { status = "met", due = "2026-02-02" }, "L257: authorised within 20 working days")
act(f, "submit_assessment", { as = "kw" })
at "2026-02-03T09:00:00Z"
expect_timescale(f, "T09_assessment_authorised_20wd", { status = "breached", due = "2026-02-02" }, "L257: not authorised within 20 working days")
act(f, "authorise_assessment", { as = "tm" })
expect_timescale(f, "T09_assessment_authorised_20wd", { status = "met_late" }, "L257: authorised late")
