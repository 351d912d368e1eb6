-- Bexley: step-up to Children's Social Care (in need through the next weekly
-- transfer panel, L217; significant harm through Front Door-MASH at once,
-- L219) and step-down from CSC (L211), with T21, T22, T23 and T25 met and
-- breached, the panel's decision final (L223), and closure after handover by
-- the releasing manager (L229). January 2026 (GMT).
scenario "Bexley: step-up and step-down" {
  authority = "bexley",
  start = "2026-01-05T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    tm = { "team_manager", team = "north" },
    kw = { "key_worker", team = "north" },
    kw2 = { "key_worker", team = "south" },
    panel = "transfer_panel",
    sw = "csc_social_worker",
  },
}

local function note(kw_name, n)
  return {
    key_worker = user_id(kw_name), children_count = n or 1, needs_summary = "as presented", wellbeing_scaling = 4,
    initial_visit_by = "2026-01-09", assessment_by = "2026-02-02", planning_meeting_by = "2026-02-06",
    case_review_by = "2026-04-05",
  }
end
-- A case in assessment: MASH option c, accepted, allocated, introductory visit held.
local function in_assessment(child_id)
  local c = open_case {
    workflow = "family_wellbeing", as = "mash",
    data = { referrer = "school", referral_route = "professional_referral", written_consent = true },
    members = { { id = child_id, name = child_id, role = "child", dob = "2013-04-04" } },
  }
  act(c, "mash_route_to_fws", { as = "mash" })
  act(c, "accept_referral", { as = "duty", input = { factors = { "domestic_abuse" }, tier_three = true, not_in_need_or_at_risk = true } })
  act(c, "allocate_key_worker", { as = "duty", input = note("kw") })
  act(c, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })
  add_record(c, "case_note", { as = "kw", fields = { visit_type = "introductory visit" } })
  add_record(c, "genogram_ecomap", { as = "kw", fields = { summary = "g" } })
  return c
end
local STEP = { family_informed = "informed", judgement = "mother told of our worries and the referral", discussed_with_csc = true }

local s1 = in_assessment("gus")   -- in need, panel agrees, handover on the agreed date
local s2 = in_assessment("hal")   -- in need, panel late and declines
local s3 = in_assessment("ivy")   -- significant harm, MASH allocates at once
local s4 = in_assessment("jo")    -- significant harm, MASH late

-- Step-down requests presented by CSC social workers (entry state, L211)
local function stepdown(child_id, consent)
  return open_case {
    workflow = "family_wellbeing", as = "sw", state = "stepdown_requested",
    data = { referrer = "CSC social worker", referral_route = "csc_step_down", written_consent = consent },
    members = { { id = child_id, name = child_id, role = "child", dob = "2011-10-10" } },
  }
end
local d1 = stepdown("kit", true)   -- agreed, handover, allocated
local d2 = stepdown("lou", false)  -- no agreement; panel late and declines
local d3 = stepdown("max", true)   -- agreed, handover late
expect_state(d1, "stepdown_requested", "L211: the social worker presents the case at weekly transfer panel")
expect_timescale(d1, "T23_stepdown_weekly_panel", { status = "pending", due = "2026-01-12" }, "L223: transfer panel is held weekly")
expect_timescale(d1, "T01_mash_decision_24h", { count = 0 }, "L211: a step-down does not come through Front Door-MASH")

at "2026-01-07T10:00:00Z"                      -- Wednesday
for _, c in ipairs({ s1, s2, s3, s4 }) do
  act(c, "raise_concern", { as = "kw", input = { worry = "domestic abuse incidents increasing" } })
end
expect_state(s1, "concern_escalated", "L215: key worker alerts a manager immediately")
refuse(d1, "panel_approves_stepdown", { as = "sw", input = { transfer_date = "2026-01-12", meets_fws_criteria = true } },
  "wrong_role", "L223: the decision is made at the transfer panel")
refuse(d1, "panel_approves_stepdown", { as = "panel", input = { transfer_date = "2026-01-12", meets_fws_criteria = false } },
  "guard_failed", "L211: families who meet the Family Wellbeing service criteria")
refuse(d2, "panel_approves_stepdown", { as = "panel", input = { transfer_date = "2026-01-12", meets_fws_criteria = true } },
  "guard_failed", "L211: with agreement, families that want to continue to receive a service")
act(d1, "panel_approves_stepdown", { as = "panel", input = { transfer_date = "2026-01-12", meets_fws_criteria = true } })
act(d3, "panel_approves_stepdown", { as = "panel", input = { transfer_date = "2026-01-14", meets_fws_criteria = true } })
expect_state(d1, "stepdown_awaiting_handover", "L227: decision made and transfer date agreed")
expect_timescale(d1, "T23_stepdown_weekly_panel", { status = "met" }, "L223: decided at the weekly panel")
expect_timescale(d1, "T25_handover_by_transfer_date", { status = "pending", due = "2026-01-14" }, "L227: handover (default one panel cycle [INF])")
refuse(d1, "allocate_key_worker", { as = "duty", input = note("kw2") }, "wrong_state",
  "L227: the receiving manager opens the record once the hand-over has taken place")

-- Thursday: the manager decides on the four concerns --------------------------------
at "2026-01-08T10:00:00Z"
act(s1, "decide_step_up_in_need", { as = "tm", input = STEP })
act(s2, "decide_step_up_in_need", { as = "tm", input = STEP })
act(s3, "decide_step_up_significant_harm", { as = "tm", input = STEP })
act(s4, "decide_step_up_significant_harm", { as = "tm", input = { family_informed = "withheld_risk",
  judgement = "telling the mother would place the children at further risk", discussed_with_csc = true } })
expect_state(s1, "step_up_panel_pending", "L217: in need: through the next weekly transfer panel")
expect_records(s1, "family_information_decision", 1, "L221: manager's judgement on informing the family")
expect_timescale(s1, "T21_next_weekly_panel", { status = "pending", due = "2026-01-15" }, "L217: the next weekly transfer panel")
expect_state(s3, "urgent_step_up", "L219: significant harm: through the Front Door-MASH")
expect_timescale(s3, "T22_mash_allocates_immediately", { status = "pending", due = "2026-01-09T10:00:00Z" }, "L219: immediately (24 hours [INF])")
refuse(s3, "panel_approves_transfer", { as = "panel", input = { transfer_date = "2026-01-20", presented_by_key_worker_and_manager = true } },
  "wrong_state", "L219: significant harm goes through Front Door-MASH, not the weekly panel")
refuse(s3, "strategy_discussion_held", { as = "tm" }, "guard_failed", "L219: MASH allocates to the referral and assessment team first")
refuse(s1, "panel_approves_transfer", { as = "panel", input = { transfer_date = "2026-01-27", presented_by_key_worker_and_manager = true } },
  "missing_record", "L225: prepared with a transfer summary")
add_record(s1, "transfer_summary", { as = "kw", fields = {
  family_history = "h", worries = "w", strengths = "s", what_needs_to_happen = "statutory assessment" } })
refuse(s1, "panel_approves_transfer", { as = "tm", input = { transfer_date = "2026-01-27", presented_by_key_worker_and_manager = true } },
  "wrong_role", "L223: the decision is made at the transfer panel")
refuse(s1, "panel_approves_transfer", { as = "panel", input = { transfer_date = "2026-01-27", presented_by_key_worker_and_manager = false } },
  "guard_failed", "L225: the allocated key worker and manager attend to present the case")

at "2026-01-08T11:00:00Z"
act(s3, "mash_allocates_to_duty_team", { as = "mash" })
expect_timescale(s3, "T22_mash_allocates_immediately", { status = "met" }, "L219: allocated to the team on duty immediately")
refuse(s3, "strategy_discussion_held", { as = "tm" }, "missing_record", "L219: key worker and manager must contribute to the strategy discussion")
add_record(s3, "strategy_contribution", { as = "kw", fields = { contribution = "attended_meeting", summary = "chronology shared" } })
act(s3, "strategy_discussion_held", { as = "tm" })
expect_state(s3, "transfer_agreed_awaiting_handover", "L219: strategy discussion held [INF A16]")
expect_timescale(s3, "T25_handover_by_transfer_date", { count = 0 }, "L219: no transfer panel on the significant-harm route")
act(s3, "handover_held", { as = "kw", input = { new_worker = "R&A social worker" } })
expect_data(s3, "closure_route", "transfer_significant_harm", "L219: transferred to CSC, significant harm")
add_record(s3, "closure_summary", { as = "tm", fields = { outcome = "transferred_to_csc_significant_harm", summary = "s" } })
add_record(s3, "closure_letter", { as = "kw", fields = { kind = "ending_after_transfer", exit_plan = "your social worker will visit" } })
refuse(s3, "close_case", { as = "tm", input = { recordings_good_standard = true } }, "guard_failed", "L314: transfer summary")
add_record(s3, "transfer_summary", { as = "kw", fields = {
  family_history = "h", worries = "w", strengths = "s", what_needs_to_happen = "child protection enquiry" } })
act(s3, "close_case", { as = "tm", input = { recordings_good_standard = true } })
expect_state(s3, "closed", "L229: the releasing manager closes the case file")

at "2026-01-09T10:30:00Z"
expect_timescale(s4, "T22_mash_allocates_immediately", { status = "breached", due = "2026-01-09T10:00:00Z" }, "L219: not allocated immediately")
act(s4, "mash_allocates_to_duty_team", { as = "mash" })
expect_timescale(s4, "T22_mash_allocates_immediately", { status = "met_late" }, "L219: allocated late")

-- Step-down handover: the receiving manager opens the record and allocates --------------
at "2026-01-12T10:00:00Z"                      -- Monday
act(d1, "stepdown_handover_held", { as = "tm", input = note("kw2") })
expect_state(d1, "allocated", "L227: receiving manager opens the E.H.M. record after the handover [INF A26]")
expect_assigned(d1, "kw2", "L227: the new allocated worker")
expect_timescale(d1, "T25_handover_by_transfer_date", { status = "met" }, "L227: handover by the transfer date")
expect_timescale(d1, "T07_intro_visit_5_days", { status = "pending", due = "2026-01-17" }, "L241: introductory visit within 5 days of allocation")
expect_timescale(d1, "T09_assessment_authorised_20wd", { status = "pending", due = "2026-02-09" }, "L245: every family is assessed (A26: from the E.H.M. record)")
expect_timescale(d1, "T04_allocation_72h_of_episode", { count = 0 }, "L233: new-referral allocation clocks do not apply to a step-down")

at "2026-01-13T09:00:00Z"
expect_timescale(d2, "T23_stepdown_weekly_panel", { status = "breached", due = "2026-01-12" }, "L223: not decided at the weekly panel")
act(d2, "panel_declines_stepdown", { as = "panel", input = { reason = "family does not agree to the transfer" } })
expect_state(d2, "stepdown_declined", "L223: whether or not to transfer: not transferred")
expect_timescale(d2, "T23_stepdown_weekly_panel", { status = "met_late" }, "L223: decided late")
refuse(d2, "panel_approves_stepdown", { as = "panel", input = { transfer_date = "2026-01-20", meets_fws_criteria = true } },
  "case_closed", "L223: the decision cannot be changed")

-- In need: the panel sits on Tuesday ----------------------------------------------------
at "2026-01-13T10:00:00Z"
act(s1, "panel_approves_transfer", { as = "panel", input = { transfer_date = "2026-01-27", presented_by_key_worker_and_manager = true } })
expect_state(s1, "transfer_agreed_awaiting_handover", "L227: decision made and transfer date agreed")
expect_timescale(s1, "T21_next_weekly_panel", { status = "met" }, "L217: presented at the next weekly panel")
expect_timescale(s1, "T25_handover_by_transfer_date", { status = "pending", due = "2026-01-20" }, "L227: handover (default one panel cycle [INF])")
extend(s1, "T25_handover_by_transfer_date", { as = "panel", ["until"] = "2026-01-27", reason = "transfer date agreed at panel" })
expect_timescale(s1, "T25_handover_by_transfer_date", { status = "pending", due = "2026-01-27" }, "L227: transfer date agreed at transfer panel")
refuse(s1, "panel_declines_transfer", { as = "panel", input = { reason = "reconsidered" } }, "wrong_state", "L223: the decision cannot be changed")

at "2026-01-15T09:00:00Z"
expect_timescale(d3, "T25_handover_by_transfer_date", { status = "breached", due = "2026-01-14" }, "L227: no handover by the transfer date")
act(d3, "stepdown_handover_held", { as = "tm", input = note("kw2") })
expect_timescale(d3, "T25_handover_by_transfer_date", { status = "met_late" }, "L223: transfers should not be subject to delay")

at "2026-01-16T09:00:00Z"
expect_timescale(s2, "T21_next_weekly_panel", { status = "breached", due = "2026-01-15" }, "L217: not presented at the next weekly panel")
act(s2, "panel_declines_transfer", { as = "panel", input = { reason = "threshold for statutory assessment not met" } })
expect_state(s2, "assessment_in_progress", "L223: not transferred: FWS work continues where it was [INF A16]")
expect_timescale(s2, "T21_next_weekly_panel", { status = "met_late" }, "L217: presented late")
refuse(s2, "panel_approves_transfer", { as = "panel", input = { transfer_date = "2026-01-27", presented_by_key_worker_and_manager = true } },
  "wrong_state", "L223: the decision cannot be changed")

at "2026-01-26T10:00:00Z"
act(s1, "handover_held", { as = "kw", input = { new_worker = "CSC social worker, Referral and Assessment" } })
expect_state(s1, "closure_pending", "L229: handover held: the releasing manager can close")
expect_timescale(s1, "T25_handover_by_transfer_date", { status = "met" }, "L227: handover by the agreed transfer date")
add_record(s1, "closure_summary", { as = "kw", fields = { outcome = "transferred_to_csc_in_need", summary = "s" } })
refuse(s1, "close_case", { as = "tm", input = { recordings_good_standard = true } }, "guard_failed", "L227: followed by an ending letter to the family")
add_record(s1, "closure_letter", { as = "kw", fields = { kind = "ending_after_transfer", exit_plan = "your social worker will contact you" } })
act(s1, "close_case", { as = "tm", input = { recordings_good_standard = true } })
expect_state(s1, "closed", "L229: the releasing manager closes the case file")
expect_data(s1, "closure_route", "transfer_in_need", "L217: transferred to CSC, in need")
