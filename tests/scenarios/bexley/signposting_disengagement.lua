-- Bexley: signposting after assessment (L261, T10 handover within 5 working
-- days of the decision to close) and disengagement (L296, T24 discussed with a
-- manager, 20 working days [INF]), each met and breached; disengagement
-- closed, re-engaged, and considered for a CSC referral. February-March 2026
-- (GMT).
scenario "Bexley: signposting and disengagement" {
  authority = "bexley",
  start = "2026-01-05T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    tm = { "team_manager", team = "south" },
    kw = { "key_worker", team = "south" },
  },
}

local function in_assessment(child_id)
  local c = open_case {
    workflow = "family_wellbeing", as = "mash",
    data = { referrer = "school", referral_route = "professional_referral", written_consent = true },
    members = { { id = child_id, name = child_id, role = "child", dob = "2010-12-12" } },
  }
  act(c, "mash_route_to_fws", { as = "mash" })
  act(c, "accept_referral", { as = "duty", input = { factors = { "school_exclusion_or_attendance" }, tier_three = true, not_in_need_or_at_risk = true } })
  act(c, "allocate_key_worker", { as = "duty", input = {
    key_worker = user_id "kw", children_count = 1, needs_summary = "attendance", wellbeing_scaling = 5,
    initial_visit_by = "2026-01-09", assessment_by = "2026-02-02", planning_meeting_by = "2026-02-06",
    case_review_by = "2026-04-05",
  } })
  act(c, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })
  add_record(c, "case_note", { as = "kw", fields = { visit_type = "introductory visit" } })
  add_record(c, "genogram_ecomap", { as = "kw", fields = { summary = "g" } })
  return c
end
local function submitted(child_id)
  local c = in_assessment(child_id)
  add_record(c, "wellbeing_assessment", { as = "kw", fields = {
    network = "n", going_well = "g", worries = "w", needs_to_change = "c", help_needed = "h" } })
  act(c, "submit_assessment", { as = "kw" })
  return c
end

local x1 = submitted("ned")    -- signposted, handover in time
local x2 = submitted("oli")    -- signposted, handover late
local y1 = in_assessment("pip")  -- disengages, closed as disengaged
local y2 = in_assessment("quin") -- disengages, re-engages late
local y3 = in_assessment("rex")  -- disengages, considered for CSC

-- Monday 2 February: decisions to close, and three families withdraw ----------------
at "2026-02-02T10:00:00Z"
refuse(x1, "agree_signpost", { as = "kw", input = { reason = "needs_met_by_community_services", service = "Bexley Moorings befriending" } },
  "wrong_role", "L261: the key worker discusses with the manager, who agrees")
act(x1, "agree_signpost", { as = "tm", input = { reason = "needs_met_by_community_services", service = "Bexley Moorings befriending" } })
act(x2, "agree_signpost", { as = "tm", input = { reason = "not_eligible", service = "children's centre" } })
expect_state(x1, "signposting_handover", "L261: decision to close: signpost to alternative services")
expect_timescale(x1, "T10_signpost_handover_5wd", { status = "pending", due = "2026-02-09" }, "L261: within 5 working days of the decision to close")
expect_timescale(x1, "T09_assessment_authorised_20wd", { status = "cancelled" }, "L261: signposted instead of authorised")

refuse(y1, "family_disengages", { as = "kw", input = { urgent = true } }, "invalid_input", "L296: what the family refused is recorded")
for _, c in ipairs({ y1, y2, y3 }) do
  act(c, "family_disengages", { as = "kw", input = { details = "family cancelled three visits; worries continue", urgent = false } })
end
expect_state(y1, "disengagement_review", "L296: the key worker discusses with a manager")
expect_timescale(y1, "T24_disengagement_discussed", { status = "pending", due = "2026-03-02" }, "L296: in supervision (20 working days [INF], L331)")

-- Friday 6 February: handover in time ------------------------------------------------------
at "2026-02-06T10:00:00Z"
refuse(x1, "signpost_handover_held", { as = "kw", input = { service = "Bexley Moorings", parental_consent = true, info_agreed_with_family = false } },
  "guard_failed", "L261: the information shared in the hand over meeting will need to be agreed with the family")
act(x1, "signpost_handover_held", { as = "kw", input = { service = "Bexley Moorings", parental_consent = true, info_agreed_with_family = true } })
expect_state(x1, "closure_pending", "L261: handover held")
expect_timescale(x1, "T10_signpost_handover_5wd", { status = "met" }, "L261: handover within 5 working days")
add_record(x1, "closure_summary", { as = "kw", fields = { outcome = "signposted_after_assessment", summary = "s" } })
act(x1, "close_case", { as = "duty", input = { recordings_good_standard = true } })
expect_state(x1, "closed", "L298: closed by a manager")

-- Tuesday 10 February ------------------------------------------------------------------------
at "2026-02-10T09:00:00Z"
expect_timescale(x2, "T10_signpost_handover_5wd", { status = "breached", due = "2026-02-09" }, "L261: no handover within 5 working days")
act(x2, "signpost_handover_held", { as = "kw", input = { service = "children's centre", parental_consent = false } })
expect_timescale(x2, "T10_signpost_handover_5wd", { status = "met_late" }, "L261: handover late")
expect_data(x2, "closure_route", "signposted", "L261: consent refused: closed without an onward referral [INF]")

refuse(y1, "decide_close_disengaged", { as = "kw", input = { csc_referral_considered = true, rationale = "r" } },
  "wrong_role", "L296: discussed with a manager, who decides")
refuse(y1, "decide_close_disengaged", { as = "tm", input = { csc_referral_considered = false, rationale = "r" } },
  "guard_failed", "L296: consider whether the withdrawal is worrying enough for a CSC referral")
act(y1, "decide_close_disengaged", { as = "tm", input = { csc_referral_considered = true, rationale = "worries are low level; family's choice (L98)" } })
expect_state(y1, "closure_pending", "L296: closed as disengaged, no CSC referral [INF A19]")
expect_timescale(y1, "T24_disengagement_discussed", { status = "met" }, "L296: discussed with a manager")
add_record(y1, "closure_summary", { as = "tm", fields = { outcome = "family_disengaged_no_csc_referral", summary = "s" } })
act(y1, "close_case", { as = "tm", input = { recordings_good_standard = true } })
expect_data(y1, "closure_route", "disengaged", "L296: family disengaged")

act(y3, "refer_to_csc", { as = "tm", input = { reason = "withdrawal after disclosure is worrying" } })
expect_state(y3, "concern_escalated", "L296: see page 8 for transfers to Children's Social Care")
expect_timescale(y3, "T24_disengagement_discussed", { status = "met" }, "L296: discussed with a manager")
act(y3, "decide_no_csc_referral", { as = "tm", input = { rationale = "CSC duty manager advises no referral" } })
expect_state(y3, "disengagement_review", "L215: no CSC referral: back to the disengagement review [INF]")

-- Tuesday 3 March: the fourth week has passed --------------------------------------------------
at "2026-03-03T09:00:00Z"
expect_timescale(y2, "T24_disengagement_discussed", { status = "breached", due = "2026-03-02" }, "L296: not discussed in supervision")
act(y2, "family_re_engages", { as = "tm" })
expect_state(y2, "assessment_in_progress", "L296: family re-engages; work resumes [INF A19]")
expect_timescale(y2, "T24_disengagement_discussed", { status = "met_late" }, "L296: discussed late")
