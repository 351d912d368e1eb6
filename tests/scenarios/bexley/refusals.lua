-- Bexley: every refusal kind (wrong_role, wrong_state, invalid_input,
-- guard_failed, missing_record, case_closed), each against the rule it
-- enforces.
scenario "Bexley: refusals" {
  authority = "bexley",
  start = "2026-01-05T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    mashmgr = "mash_manager",
    rep = "fws_mash_rep",
    duty = { "duty_manager", team = "central" },
    tm = { "team_manager", team = "north" },
    kw = { "key_worker", team = "north" },
    kw2 = { "key_worker", team = "south" },
    hos = "head_of_service",
  },
}

local function family()
  return {
    { id = "amy", name = "Amy", role = "child", dob = "2014-03-01" },
    { id = "pat", name = "Pat", role = "parent", dob = "1985-07-12" },
  }
end
local ELIGIBLE = { factors = { "domestic_abuse" }, tier_three = true, not_in_need_or_at_risk = true }
local NOTE = {
  children_count = 1, needs_summary = "domestic abuse, tier three", wellbeing_scaling = 3,
  initial_visit_by = "2026-01-09", assessment_by = "2026-02-02", planning_meeting_by = "2026-02-06",
  case_review_by = "2026-04-06",
}
local function note_for(kw_name, extra)
  local t = { key_worker = user_id(kw_name) }
  for k, v in pairs(NOTE) do t[k] = v end
  for k, v in pairs(extra or {}) do t[k] = v end
  return t
end

-- A case without written consent -----------------------------------------------
local nc = open_case {
  workflow = "family_wellbeing", as = "mash",
  data = { referrer = "self", referral_route = "self_referral", written_consent = false },
  members = family(),
}
-- invalid_input: a required field missing
refuse(nc, "mash_signpost", { as = "mash", input = {} }, "invalid_input", "L199: signposting names the service signposted to")
-- wrong_role: a key worker cannot make the MASH decision
refuse(nc, "mash_route_to_fws", { as = "kw" }, "wrong_role", "L197: a practitioner in the Front Door-MASH decides")
act(nc, "mash_route_to_fws", { as = "mash" })
-- wrong_state: the MASH decision is already made
refuse(nc, "mash_route_to_fws", { as = "mash" }, "wrong_state", "L197: one initial decision per contact")
-- wrong_role: acceptance is the duty manager's
refuse(nc, "accept_referral", { as = "kw", input = ELIGIBLE }, "wrong_role", "L205: the duty manager accepts a new referral")
-- guard_failed: no written consent
refuse(nc, "accept_referral", { as = "duty", input = ELIGIBLE }, "guard_failed", "L195: explicit and written consent is required")
expect_state(nc, "fws_inbox_review", "L195: a refused acceptance writes nothing")
act(nc, "fws_signpost", { as = "duty", input = { signposted_to = "Northumberland Heath children's centre" } })
expect_state(nc, "signposted_at_intake", "L203: FWS manager signposts (option a)")
-- case_closed: a terminal intake outcome refuses everything
refuse(nc, "accept_referral", { as = "duty", input = ELIGIBLE }, "case_closed", "L203: signposted at intake, no FWS episode")

-- The FWS MASH representative's recommendation: the MASH manager decides ---------
local rc = open_case {
  workflow = "family_wellbeing", as = "mash",
  data = { referrer = "GP", referral_route = "professional_referral", written_consent = true },
  members = family(),
}
act(rc, "fws_rep_recommend", { as = "rep", input = { recommendation = "c_route_to_fws", rationale = "tier three, consent given" } })
refuse(rc, "mash_route_to_fws", { as = "mash" }, "guard_failed", "L985: the MASH manager makes the final decision on a reviewed contact")
refuse(rc, "mash_manager_decision", { as = "mashmgr", input = { option = "d_other", rationale = "x" } }, "invalid_input", "L985: the decision is option a, b or c")
act(rc, "mash_manager_decision", { as = "mashmgr", input = { option = "c_route_to_fws", rationale = "agree with the FWS representative" } })
expect_state(rc, "fws_inbox_review", "L985: final decision routes the contact to FWS")
-- guard_failed: eligibility (L181) and tier four (L191)
refuse(rc, "accept_referral", { as = "duty", input = { factors = { "domestic_abuse" }, tier_three = false, not_in_need_or_at_risk = true } },
  "guard_failed", "L181: qualifying factors at tier three level of need")
refuse(rc, "accept_referral", { as = "duty", input = { factors = { "housing" }, tier_three = true, not_in_need_or_at_risk = true } },
  "guard_failed", "L183-L189: only the listed factors qualify")
refuse(rc, "accept_referral", { as = "duty", input = { factors = { "domestic_abuse" }, tier_three = true, not_in_need_or_at_risk = false } },
  "guard_failed", "L191: 'in need' or 'at risk of harm' goes straight to CSC")
-- invalid_input: wrong type
refuse(rc, "accept_referral", { as = "duty", input = { factors = { "domestic_abuse" }, tier_three = "yes", not_in_need_or_at_risk = true } },
  "invalid_input", "L181: tier three is a yes/no judgement")
act(rc, "accept_referral", { as = "duty", input = ELIGIBLE })
-- capacity: the Head of Service acts only on a notified case
refuse(rc, "record_capacity_decision", { as = "hos", input = { decision = "allocate" } }, "guard_failed", "L128: the Head of Service decides when notified of demand over capacity")
-- invalid_input: wrong type in the allocation note
refuse(rc, "allocate_key_worker", { as = "duty", input = note_for("kw", { wellbeing_scaling = "high" }) },
  "invalid_input", "L236: Signs of Wellbeing scaling is a number")
refuse(rc, "allocate_key_worker", { as = "duty", input = note_for("kw", { initial_visit_by = "next week" }) },
  "invalid_input", "L237: timescale (a) is a date")
-- invalid_input: a required allocation note field missing
local partial = note_for("kw")
partial.needs_summary = nil
refuse(rc, "allocate_key_worker", { as = "duty", input = partial }, "invalid_input", "L236: summary of need(s) required in the allocation note")
refuse(rc, "allocate_key_worker", { as = "kw", input = note_for("kw") }, "wrong_role", "L233: the manager allocates")
act(rc, "allocate_key_worker", { as = "duty", input = note_for("kw") })
-- wrong_role: only the allocated key worker records the visit
refuse(rc, "record_introductory_visit", { as = "kw2", input = { consent_confirmed = true, service_explained = true } },
  "wrong_role", "L241: the allocated key worker makes the introductory visit")
-- guard_failed: consent not confirmed at the introductory visit
refuse(rc, "record_introductory_visit", { as = "kw", input = { consent_confirmed = false, service_explained = true } },
  "guard_failed", "L614: confirming that they have provided consent to the referral")
-- wrong_state: assessment before the introductory visit
refuse(rc, "submit_assessment", { as = "kw" }, "wrong_state", "L241: the introductory visit starts the assessment")
act(rc, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })
-- missing_record: submitting with no written-up assessment
refuse(rc, "submit_assessment", { as = "kw" }, "missing_record", "L257: the key worker writes up the assessment")
add_record(rc, "wellbeing_assessment", { as = "kw", fields = {
  network = "n", going_well = "g", worries = "w", needs_to_change = "c", help_needed = "h" } })
refuse(rc, "submit_assessment", { as = "kw" }, "missing_record", "L305: genogram and ecomap of the family network")
add_record(rc, "genogram_ecomap", { as = "kw", fields = { summary = "mother and Amy" } })
act(rc, "submit_assessment", { as = "kw" })
-- wrong_role: a key worker cannot authorise
refuse(rc, "authorise_assessment", { as = "kw" }, "wrong_role", "L257: authorised by a manager")
act(rc, "authorise_assessment", { as = "tm" })
-- missing_record and guard_failed at the initial planning meeting
refuse(rc, "hold_initial_planning_meeting", { as = "kw", input = { attendees = "mother" } }, "guard_failed", "L691: each child must have their own plan (none yet)")
act(rc, "raise_concern", { as = "kw", input = { worry = "new partner, mother frightened" } })
expect_state(rc, "concern_escalated", "L215: key worker alerts a manager")
refuse(rc, "decide_step_up_in_need", { as = "kw", input = { family_informed = "informed", judgement = "j", discussed_with_csc = true } },
  "wrong_role", "L215: the manager decides whether a CSC referral is required")
refuse(rc, "decide_step_up_in_need", { as = "tm", input = { family_informed = "told", judgement = "j", discussed_with_csc = true } },
  "invalid_input", "L221: family informed, or withheld for risk")
refuse(rc, "decide_step_up_in_need", { as = "tm", input = { family_informed = "informed", judgement = "j", discussed_with_csc = false } },
  "guard_failed", "L215: discuss with Front Door-MASH or the CSC duty manager")
act(rc, "decide_no_csc_referral", { as = "tm", input = { rationale = "safety plan in place", case_mapping_held = true } })
expect_state(rc, "awaiting_initial_planning_meeting", "L215: no CSC referral: work resumes where it was [INF A16]")

-- Ending: closure letter and feedback forms; closure: closure summary -------------
local ec = open_case {
  workflow = "family_wellbeing", as = "mash",
  data = { referrer = "health visitor", referral_route = "professional_referral", written_consent = true },
  members = {
    { id = "amy", name = "Amy", role = "child", dob = "2014-03-01" },
    { id = "ben", name = "Ben", role = "child", dob = "2018-06-10" },
  },
}
act(ec, "mash_route_to_fws", { as = "mash" })
act(ec, "accept_referral", { as = "duty", input = ELIGIBLE })
act(ec, "allocate_key_worker", { as = "duty", input = note_for("kw", { children_count = 2 }) })
act(ec, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })
add_record(ec, "case_note", { as = "kw", fields = { visit_type = "introductory visit" } })
add_record(ec, "genogram_ecomap", { as = "kw", fields = { summary = "g" } })
add_record(ec, "wellbeing_assessment", { as = "kw", fields = {
  network = "n", going_well = "g", worries = "w", needs_to_change = "c", help_needed = "h" } })
act(ec, "submit_assessment", { as = "kw" })
act(ec, "authorise_assessment", { as = "duty" })
add_record(ec, "wellbeing_plan", { as = "kw", fields = { child = "amy", actions = "a" } })
refuse(ec, "hold_initial_planning_meeting", { as = "kw", input = { attendees = "mother" } }, "guard_failed", "L691: each child must have their own plan")
add_record(ec, "wellbeing_plan", { as = "kw", fields = { child = "ben", actions = "b" } })
refuse(ec, "hold_initial_planning_meeting", { as = "kw", input = { attendees = 7 } }, "invalid_input", "L265: attendees recorded as text")
act(ec, "hold_initial_planning_meeting", { as = "kw", input = { attendees = "mother, school" } })
refuse(ec, "initiate_ending", { as = "kw", input = { reason = "goals_achieved", discussed_in_supervision = false } },
  "guard_failed", "L292: discuss with their manager in supervision")
act(ec, "initiate_ending", { as = "kw", input = { reason = "family_no_longer_wants_or_needs_service", discussed_in_supervision = true } })
refuse(ec, "ending_completed", { as = "kw", input = { ending_meeting_held = false, no_meeting_reason = "family declined a meeting" } },
  "missing_record", "L294: followed by a closure letter")
add_record(ec, "closure_letter", { as = "kw", fields = { kind = "closure", exit_plan = "A: school nurse" } })
refuse(ec, "ending_completed", { as = "kw", input = { ending_meeting_held = true } }, "guard_failed", "L319: feedback forms at the ending visit/meeting")
refuse(ec, "ending_completed", { as = "kw", input = { ending_meeting_held = false } }, "guard_failed", "L292: try to arrange an ending meeting; record why not")
act(ec, "ending_completed", { as = "kw", input = { ending_meeting_held = false, no_meeting_reason = "family declined a meeting" } })
refuse(ec, "close_case", { as = "tm", input = { recordings_good_standard = true } }, "guard_failed", "L310: minutes of the initial planning meeting")
add_record(ec, "meeting_minutes", { as = "kw", fields = { meeting = "initial_planning", minutes = "m" } })
refuse(ec, "close_case", { as = "tm", input = { recordings_good_standard = true } }, "missing_record", "L314: closure summary")
add_record(ec, "closure_summary", { as = "kw", fields = { outcome = "family_no_longer_wants_or_needs_service", summary = "s" } })
refuse(ec, "close_case", { as = "tm", input = { recordings_good_standard = false } }, "guard_failed", "L298: recordings completed to a good standard")
refuse(ec, "close_case", { as = "tm", input = {} }, "invalid_input", "L298: the manager attests the standard of the recordings")
act(ec, "close_case", { as = "tm", input = { recordings_good_standard = true } })
expect_state(ec, "closed", "L298: closed by a manager")
refuse(ec, "close_case", { as = "tm", input = { recordings_good_standard = true } }, "case_closed", "L298: a closed case takes no action")
