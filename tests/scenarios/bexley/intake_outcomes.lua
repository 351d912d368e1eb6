-- Bexley: Front Door-MASH options a (signpost) and b (redirect to CSC), both
-- terminal for FWS (no E.H.M. episode), and a manager returning an assessment
-- for further work before authorising it.
scenario "Bexley: MASH options a and b, assessment returned" {
  authority = "bexley",
  start = "2026-01-05T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    tm = { "team_manager", team = "north" },
    kw = { "key_worker", team = "north" },
  },
}

local function contact(child)
  return open_case {
    workflow = "family_wellbeing", as = "mash",
    data = { referrer = "self", referral_route = "self_referral", written_consent = true, re_referral = true },
    members = { { id = child, name = child, role = "child", dob = "2016-06-06" } },
  }
end

-- Option a ------------------------------------------------------------------------
local a = contact("ann")
at "2026-01-05T12:00:00Z"
act(a, "mash_signpost", { as = "mash", input = { signposted_to = "Belvedere children's centre" } })
expect_state(a, "signposted_at_intake", "L199: need does not meet the eligibility criteria: signposted")
expect_data(a, "signposted_to", "Belvedere children's centre", "L199: another early help service in the local community")
expect_timescale(a, "T01_mash_decision_24h", { status = "met" }, "L197: decided within 24 hours")
expect_timescale(a, "T05_allocation_3wd_of_receipt", { count = 0 }, "L199: never sent to the FWS inbox")
refuse(a, "mash_route_to_fws", { as = "mash" }, "case_closed", "L197: a re-referral is a new contact")

-- Option b ------------------------------------------------------------------------
local b = contact("bob")
at "2026-01-05T13:00:00Z"
refuse(b, "mash_redirect_csc", { as = "duty", input = { discussion = "d" } }, "wrong_role", "L200: the Front Door-MASH practitioner decides")
act(b, "mash_redirect_csc", { as = "mash", input = { discussion = "referrer and family agree to a social work assessment" } })
expect_state(b, "redirected_to_csc_at_intake", "L200: 'in need' or 'at risk of harm': not sent to the Family Wellbeing Service")
expect_timescale(b, "T01_mash_decision_24h", { status = "met" }, "L197: decided within 24 hours")

-- Assessment returned for further work [INF] -----------------------------------------
local c = contact("cat")
act(c, "mash_route_to_fws", { as = "mash" })
act(c, "accept_referral", { as = "duty", input = { factors = { "mental_ill_health" }, tier_three = true, not_in_need_or_at_risk = true } })
act(c, "allocate_key_worker", { as = "duty", input = {
  key_worker = user_id "kw", children_count = 1, needs_summary = "n", wellbeing_scaling = 6,
  initial_visit_by = "2026-01-09", assessment_by = "2026-02-02", planning_meeting_by = "2026-02-06",
  case_review_by = "2026-04-05",
} })
at "2026-01-07T10:00:00Z"
act(c, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })
add_record(c, "genogram_ecomap", { as = "kw", fields = { summary = "g" } })
add_record(c, "wellbeing_assessment", { as = "kw", fields = {
  network = "n", going_well = "g", worries = "w", needs_to_change = "c", help_needed = "h" } })
act(c, "submit_assessment", { as = "kw" })
at "2026-01-09T10:00:00Z"
act(c, "return_for_rework", { as = "tm", input = { reason = "analysis of the worries is missing" } })
expect_state(c, "assessment_in_progress", "L257: the key worker writes up the assessment [INF: returned]")
expect_timescale(c, "T09_assessment_authorised_20wd", { status = "pending", due = "2026-02-02" }, "L257: the 20 working days keep running")
add_record(c, "wellbeing_assessment", { as = "kw", fields = {
  network = "n", going_well = "g", worries = "w", needs_to_change = "c", help_needed = "h", analysis = "a" } })
act(c, "submit_assessment", { as = "kw" })
at "2026-01-12T10:00:00Z"
act(c, "authorise_assessment", { as = "tm" })
expect_timescale(c, "T09_assessment_authorised_20wd", { status = "met" }, "L257: authorised within 20 working days")
