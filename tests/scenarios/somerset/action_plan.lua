-- tests/scenarios/somerset/action_plan.lua: Think Family Action Plan items
-- (action_plan_item), using the legible rows of Appendix 2 (L382-L390) on a
-- clock set in 2018. Covers the template guard (AP1), approval (AP2), the
-- quarterly monitoring clocks (TM-S1, recurring: met, breached, met late),
-- a month target "Sep-18" overdue from 2018-10-01 (TM-S9), the challenge of
-- slow progress (AP6), evidence at completion (AP5), "2 months after the TF
-- strategy" (TM-S7: met and breached) and the launch-event trigger (TM-S11,
-- AP7). Due dates by hand (DESIGN §3, months): same day-of-month N months
-- later, 23:59:59 London time.
scenario "Somerset: Think Family action plan items" {
  authority = "somerset",
  start = "2018-01-08T09:00:00Z",
  users = {
    partner = { "partner_agency", team = "somerset_partnership" },
    owner = { "action_owner", team = "somerset_partnership" },
    owner2 = { "action_owner", team = "somerset_partnership" },
    exec = { "childrens_trust_executive", team = "childrens_trust" },
    trust = { "childrens_trust", team = "childrens_trust" },
  },
}

local PARTNER = "Somerset Partnership and Taunton & Somerset NHS Foundation Trust"   -- L378

-- Row 4 (L386-L387): "Sep-18" -----------------------------------------------------
local r4 = open_case {
  workflow = "action_plan_item", as = "partner", members = {},
  data = {
    partner = PARTNER, no = "4", recommendation_no = 4,
    recommendation = "Early Help Assessments are utilised when considering the strengths and needs of the whole family",
    progress_measure = "Early Help Assessments are utilised by all staff as appropriate to the role.",
    actions = "Adult services mandatory training will reference Early Help Assessments",
    resource_constraints = "Support from the Safeguarding Service to assist with implementation and upskilling staff",
    action_owner = "Richard Painter", target_date_as_written = "Sep-18", target_form = "month",
    rag_1 = "G", rag_2 = "A", cypp_programme = "P5",
  },
}
expect_state(r4, "drafted", "L365: a row of the action plan template")
refuse(r4, "submit_for_approval", { as = "partner" }, "guard_failed", "L387: a month target needs its date")
act(r4, "amend_item", { as = "partner", input = { target_date = "2018-09-29" } })
refuse(r4, "submit_for_approval", { as = "partner" }, "guard_failed", "L387 [spec §8.8]: 'Sep-18' is 30 September")
act(r4, "amend_item", { as = "partner", input = { target_date = "2018-09-30" } })
refuse(r4, "submit_for_approval", { as = "owner" }, "wrong_role", "L329: the partner submits its own plan")
act(r4, "submit_for_approval", { as = "partner" })
expect_state(r4, "awaiting_partner_approval", "L329: approved through the partner's own governance")
refuse(r4, "partner_governance_approved", { as = "partner", input = { owner = user_id "owner" } },
  "invalid_input", "L329: the approving governance is named")

at "2018-01-15T10:00:00Z"
act(r4, "partner_governance_approved", { as = "partner", input = {
  owner = user_id "owner", governance_body = "Trust Safeguarding Committee" } })
expect_state(r4, "in_progress", "L387: a month target is in progress once approved")
expect_assigned(r4, "owner", "L365: Person Responsible (Action Owner)")
expect_timescale(r4, "TM_S1_item_quarterly_monitoring", { status = "pending", due = "2018-04-15" },
  "L333: monitored on a quarterly basis")
expect_timescale(r4, "TM_S1_rag_update", { status = "pending", due = "2018-04-15" },
  "L365 [spec §5]: RAG updated each quarter")
refuse(r4, "send_invites", { as = "owner", input = { groups = { "young carers" } } },
  "guard_failed", "L389: invites only once a launch event is finalised")

-- Q1: both met
at "2018-04-10T09:00:00Z"
act(r4, "quarterly_monitoring", { as = "exec", input = { summary = "On track" } })
act(r4, "update_rag", { as = "owner", input = { rag_1 = "G", rag_2 = "G", commentary = "Training drafted" } })
expect_timescale(r4, "TM_S1_item_quarterly_monitoring", { status = "met", occurrence = 1 }, "L333: quarter 1 monitored")
expect_timescale(r4, "TM_S1_rag_update", { status = "met", occurrence = 1 }, "L365: quarter 1 rated")
-- anchor re-arm: 3 and 6 months from approval; RAG clock re-arms from the update
expect_timescale(r4, "TM_S1_item_quarterly_monitoring", { status = "pending", due = "2018-07-15", count = 2 },
  "L333: next quarter from approval")
expect_timescale(r4, "TM_S1_rag_update", { status = "pending", due = "2018-07-10", count = 2 },
  "L365 [spec §5]: next RAG update within a quarter")
refuse(r4, "challenge_slow_progress", { as = "trust", input = { challenge = "Why?" } },
  "guard_failed", "L333: challenge only where progress is slow")
refuse(r4, "quarterly_monitoring", { as = "owner" }, "wrong_role", "L333: the Children's Trust Executive monitors")
refuse(r4, "update_rag", { as = "owner2", input = { rag_1 = "R" } }, "wrong_role", "L365: the item's own owner rates it")
refuse(r4, "update_rag", { as = "owner", input = { rag_1 = "Amber" } }, "invalid_input", "L365: RAG is G, A or R")

-- Q2: both breached, then met late
at "2018-07-16T09:00:00Z"
expect_timescale(r4, "TM_S1_item_quarterly_monitoring", { status = "breached", due = "2018-07-15T22:59:59Z" },
  "L333: quarterly monitoring missed")
expect_timescale(r4, "TM_S1_rag_update", { status = "breached", due = "2018-07-10" },
  "L365 [spec §5]: RAG update missed")
at "2018-07-17T09:00:00Z"
act(r4, "quarterly_monitoring", { as = "exec" })
act(r4, "update_rag", { as = "owner", input = { rag_1 = "G", rag_2 = "G" } })
expect_timescale(r4, "TM_S1_item_quarterly_monitoring", { status = "met_late", occurrence = 2 }, "L333: monitored late")
expect_timescale(r4, "TM_S1_rag_update", { status = "met_late", occurrence = 2 }, "L365: rated late")
expect_timescale(r4, "TM_S1_item_quarterly_monitoring", { status = "pending", due = "2018-10-15", count = 3 },
  "L333: quarters stay anchored on approval")
expect_timescale(r4, "TM_S1_rag_update", { status = "pending", due = "2018-10-17", count = 3 },
  "L365 [spec §5]: re-armed from the late update")

-- Q3: the month target has passed: overdue from 2018-10-01
at "2018-10-01T09:00:00Z"
act(r4, "quarterly_monitoring", { as = "exec" })
expect_data(r4, "overdue", true, "L387: 'Sep-18' not completed by 30 September (TM-S9)")
expect_timescale(r4, "TM_S1_item_quarterly_monitoring", { status = "met", occurrence = 3 }, "L333: quarter 3 monitored")
act(r4, "challenge_slow_progress", { as = "trust", input = { challenge = "Training not yet updated" } })
expect_data(r4, "challenges", 1, "L333: we will challenge partners where progress is slow")
refuse(r4, "mark_completed", { as = "owner" }, "missing_record", "L365: evidence against the progress measure")
add_record(r4, "completion_evidence", { as = "owner", fields = { evidence = "Adult mandatory training references EHA" } })
act(r4, "mark_completed", { as = "owner" })
expect_state(r4, "completed", "L383: Completed")
expect_data(r4, "completed_late", true, "L387: completed after the Sep-18 target")
refuse(r4, "update_rag", { as = "owner", input = { rag_1 = "G" } }, "case_closed", "L383: a completed item takes no action")

-- Row 3 (L384-L385): "2 months after ... the TF strategy", breached ----------------
local r3 = open_case {
  workflow = "action_plan_item", as = "partner", members = {},
  data = {
    partner = PARTNER, no = "3", recommendation_no = 3,
    recommendation = "Partners to consider whether there is a need to be flexible within eligibility criteria",
    progress_measure = "There are no comments or complaints received from people using our services that relate to flexibility of support.",
    actions = "Promote a Think Family approach on the website and published literature provided by the Trust.",
    resource_constraints = "Prepare an internal communication strategy to reflect the comms strategy of the Children Trust",
    action_owner = "Richard Painter", target_date_as_written = "2 months after the TF strategy",
    target_form = "after_tf_strategy", rag_1 = "G", rag_2 = "A",
  },
}
act(r3, "submit_for_approval", { as = "partner" })
act(r3, "partner_governance_approved", { as = "partner", input = { owner = user_id "owner", governance_body = "Trust Board" } })
expect_state(r3, "awaiting_trigger", "L384-L385: waits for the TF strategy")
refuse(r3, "mark_completed", { as = "owner" }, "wrong_state", "L385: no completion before the anchor is recorded")
refuse(r3, "record_launch_event_finalised", { as = "owner", input = { finalised_by = "Vicky Hearn" } },
  "guard_failed", "L384: this row counts from the TF strategy, not the launch event")
act(r3, "record_tf_strategy_launched", { as = "owner", input = { launched_on = "2018-10-01" } })
expect_state(r3, "in_progress", "L385: anchor recorded")
-- 2 months from 2018-10-01 (event at 10:00 BST) -> 2018-12-01, GMT
expect_timescale(r3, "TM_S7_two_months_after_tf_strategy", { status = "pending", due = "2018-12-01T23:59:59Z" },
  "L384-L385: 2 months after the TF strategy")

-- Row 3 again for another partner department: met ---------------------------------
local r3b = open_case {
  workflow = "action_plan_item", as = "partner", members = {},
  data = {
    partner = PARTNER, no = "3", recommendation = "Flexibility within eligibility criteria",
    progress_measure = "People using our services and our staff can identify when there has been flexibility of service that better meets needs.",
    actions = "Promote a Think Family approach to all new staff at the point of recruitment and via staff newsletters",
    action_owner = "Richard Painter", target_date_as_written = "2 months after the TF strategy",
    target_form = "after_tf_strategy",
  },
}
act(r3b, "submit_for_approval", { as = "partner" })
act(r3b, "partner_governance_approved", { as = "partner", input = { owner = user_id "owner2", governance_body = "Trust Board" } })
act(r3b, "record_tf_strategy_launched", { as = "partner", input = { launched_on = "2018-10-01" } })

at "2018-11-20T10:00:00Z"
add_record(r3b, "completion_evidence", { as = "owner2", fields = { evidence = "Newsletter article; recruitment pack" } })
act(r3b, "mark_completed", { as = "owner2" })
expect_timescale(r3b, "TM_S7_two_months_after_tf_strategy", { status = "met" }, "L384-L385: done within 2 months")
expect_data(r3b, "completed_late", false, "L385: not a month target, not late")

at "2018-12-02T09:00:00Z"
expect_timescale(r3, "TM_S7_two_months_after_tf_strategy", { status = "breached", due = "2018-12-01" },
  "L384-L385: 2 months passed")
expect_data(r3, "overdue", true, "L333 [INF]: overdue flagged for monitoring")
act(r3, "challenge_slow_progress", { as = "exec", input = { challenge = "Comms not published" } })
add_record(r3, "completion_evidence", { as = "owner", fields = { evidence = "Website updated" } })
at "2018-12-05T09:00:00Z"
act(r3, "mark_completed", { as = "owner" })
expect_timescale(r3, "TM_S7_two_months_after_tf_strategy", { status = "met_late" }, "L384-L385: completed late")

-- Row 6 (L389): "Once launch event finalised by Vicky Hearn" ------------------------
local r6 = open_case {
  workflow = "action_plan_item", as = "partner", members = {},
  data = {
    partner = PARTNER, no = "6", recommendation_no = 6,
    recommendation = "Promote the Think Family approach to all patient participation groups, young carers groups and Trust Governors/Members",
    progress_measure = "All groups are aware of the Think Family approach",
    actions = "Invite groups reps to TF launch event and provide promotional material to these groups.",
    resource_constraints = "Invites to be sent out once launch event finalised",
    action_owner = "Vicky Hearn/ Richard Painter", target_date_as_written = "Once launch event finalised by Vicky Hearn",
    target_form = "on_launch_event", rag_1 = "G", rag_2 = "A", cypp_programme = "P7",
  },
}
act(r6, "submit_for_approval", { as = "partner" })
act(r6, "partner_governance_approved", { as = "partner", input = { owner = user_id "owner", governance_body = "Trust Board" } })
expect_state(r6, "awaiting_trigger", "L389: no due date until the launch event is finalised")
refuse(r6, "send_invites", { as = "owner", input = { groups = { "young carers" } } },
  "wrong_state", "L389: invites are sent once the launch event is finalised")
refuse(r6, "record_tf_strategy_launched", { as = "owner", input = { launched_on = "2018-12-02" } },
  "guard_failed", "L389: this row waits for the launch event")
act(r6, "record_launch_event_finalised", { as = "owner", input = { finalised_by = "Vicky Hearn" } })
expect_state(r6, "in_progress", "L389: launch event finalised")
act(r6, "send_invites", { as = "owner", input = { groups = { "patient participation groups", "young carers groups", "Trust Governors/Members" } } })
expect_data(r6, "invites_sent", true, "L389: group representatives invited")
