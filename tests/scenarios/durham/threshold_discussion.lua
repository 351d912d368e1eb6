-- Durham: the Threshold Discussion Procedures (L388-418). The clocks T02-T05
-- run from the challenge (the header of workflows/durham/one_point.lua
-- explains the deviation from spec §8.4). Winter dates: due 23:59:59Z.
scenario "Durham: threshold discussion ladder" {
  authority = "durham",
  start = "2026-01-12T09:00:00Z",   -- Monday
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    fcswc = { "fcswc", team = "first_contact" },
    fcm = { "first_contact_manager", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    skw = { "senior_key_worker", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
    om = { "operations_manager", team = "ifst" },
    sm = { "ops_strategic_manager", team = "ifst" },
    fhtm = { "fhtm", team = "family_hub" },
    ehp = { "ehp", team = "family_hub" },
  },
}

local function request(name, tray)
  local id = open_case {
    workflow = "one_point", as = "ehtw", state = "eh_triage",
    data = { family_name = name, requester = "professional", reason = "threshold unclear" },
    members = { { id = "c1", name = "Child", role = "child", dob = "2015-01-01" } },
  }
  if tray == "ifst" then
    add_record(id, "mo_case_note", { as = "sehtw", fields = { note = "IFST" } })
    act(id, "triage_allocate_ifst", { as = "ehtw", input = { complex_needs = true } })
  else
    act(id, "triage_allocate_fh", { as = "ehtw" })
  end
  return id
end

-- A: Family Hub referral; the ladder runs to the Strategic Managers (Steps 2-6).
local a = request("Evans", "fh")
-- Mon 12 Jan + 7 working days = Wed 21 Jan.
expect_timescale(a, "T07_fh_allocation_7wd", { status = "pending", due = "2026-01-21" }, "L599")
refuse(a, "challenge_threshold", { as = "ehp", at = "2026-01-12T13:00:00Z", input = { reason = "not FH" } },
  "wrong_role", "L398: initiated by the IFS TM/SKW or Family Hub Manager")
act(a, "challenge_threshold", { as = "fhtm", at = "2026-01-12T14:00:00Z", input = { reason = "Needs look like CIN" } })
expect_state(a, "td_step2_sehtw", "L398: Step 2, conversation with the SEHTW")
-- Mon 12 Jan + 1 working day = Tue 13 Jan; + 2 = Wed 14 Jan.
expect_timescale(a, "T03_threshold_conversation_sehtw_1wd", { status = "pending", due = "2026-01-13" }, "L398: within one working day")
expect_timescale(a, "T02_threshold_discussion_2wd", { status = "pending", due = "2026-01-14" }, "L390: concluded no later than two working days")
expect_timescale(a, "T04_threshold_ops_manager_2wd", { status = "pending", due = "2026-01-14" }, "L402: Operations Manager within two working days")
act(a, "td_no_agreement", { as = "sehtw", at = "2026-01-13T10:00:00Z" })
expect_state(a, "td_step3_ops_manager", "L402: no agreement by SEHTW/FCSWC")
expect_timescale(a, "T03_threshold_conversation_sehtw_1wd", { status = "met" }, "L398")
act(a, "td_safeguarding_view", { as = "om", at = "2026-01-14T10:00:00Z", input = { rationale = "Meets CIN" } })
expect_state(a, "td_step4_fc_manager", "L402: OM feels it meets Safeguarding thresholds, Step 4")
expect_timescale(a, "T04_threshold_ops_manager_2wd", { status = "met" }, "L402")
refuse(a, "td_escalate", { as = "om", at = "2026-01-15T09:00:00Z" }, "missing_record",
  "L410: managers must agree how to support the family until a team and Lead Professional are identified")
at "2026-01-15T09:30:00Z"
expect_timescale(a, "T02_threshold_discussion_2wd", { status = "breached", due = "2026-01-14" }, "L390: not concluded within two working days")
add_record(a, "interim_support_agreement", { as = "fhtm", at = "2026-01-15T09:45:00Z", fields = { arrangement = "EHP visits weekly meanwhile" } })
act(a, "td_escalate", { as = "om", at = "2026-01-15T10:00:00Z" })
expect_state(a, "td_step5_strategic", "L414: escalated to the OPS Strategic Manager")
-- Thu 15 Jan + 1 working day = Fri 16 Jan.
expect_timescale(a, "T05_threshold_strategic_1wd", { status = "pending", due = "2026-01-16" }, "L414: within one working day")
at "2026-01-19T09:00:00Z"
expect_timescale(a, "T05_threshold_strategic_1wd", { status = "breached", due = "2026-01-16" }, "L414")
refuse(a, "td_strategic_decision", { as = "sm", at = "2026-01-19T09:30:00Z", input = { outcome = "early_help" } },
  "invalid_input", "L418: the decision needs its Management Oversight Case Note")
act(a, "td_strategic_decision", { as = "sm", at = "2026-01-19T10:00:00Z", input = { outcome = "early_help", note = "Early Help: FH with TAF" } })
expect_state(a, "fh_awaiting_allocation", "L418: decision final; back to the Family Hub in-tray")
expect_timescale(a, "T05_threshold_strategic_1wd", { status = "met_late" }, "L414")
expect_timescale(a, "T02_threshold_discussion_2wd", { status = "met_late" }, "L390")
expect_records(a, "mo_case_note", 1, "L418: Management Oversight Case Note on LiquidLogic")
refuse(a, "challenge_threshold", { as = "fhtm", at = "2026-01-19T11:00:00Z", input = { reason = "again" } },
  "guard_failed", "L418: this decision is final and ends the threshold discussion")
act(a, "allocate_ehp", { as = "fhtm", at = "2026-01-19T12:00:00Z", input = { ehp = user_id "ehp", discussion_and_actions = "After threshold decision" } })
expect_timescale(a, "T07_fh_allocation_7wd", { count = 1, status = "met" }, "L410: the allocation clock kept running through the discussion")

-- B: IFST referral; Step 2 agrees it stays Early Help the same day.
local b = request("Foster", "ifst")
act(b, "challenge_threshold", { as = "skw", at = "2026-01-19T13:00:00Z", input = { reason = "Route unclear" } })
act(b, "td_resolved", { as = "sehtw", at = "2026-01-19T15:00:00Z", input = { agreement = "IFST is right" } })
expect_state(b, "ifst_awaiting_allocation", "L398: agreement reached, back to the IFS Team Tray [INF]")
expect_timescale(b, "T03_threshold_conversation_sehtw_1wd", { status = "met" }, "L398")
expect_timescale(b, "T02_threshold_discussion_2wd", { status = "met" }, "L390")
expect_timescale(b, "T04_threshold_ops_manager_2wd", { status = "cancelled" }, "L402: Step 3 not needed")
expect_timescale(b, "T06_ifst_allocation_2wd", { count = 1 }, "L476: one allocation clock, not restarted")

-- C: IFST referral; Step 2 is late, the Operations Manager upholds Early Help (final).
local c = request("Green", "ifst")
act(c, "challenge_threshold", { as = "tm", at = "2026-01-19T16:00:00Z", input = { reason = "Maybe CIN" } })
-- Mon 19 Jan + 1 working day = Tue 20 Jan.
at "2026-01-21T09:00:00Z"
expect_timescale(c, "T03_threshold_conversation_sehtw_1wd", { status = "breached", due = "2026-01-20" }, "L398: Step 2 not within one working day")
act(c, "td_no_agreement", { as = "sehtw", at = "2026-01-21T09:30:00Z" })
expect_timescale(c, "T03_threshold_conversation_sehtw_1wd", { status = "met_late" }, "L398")
act(c, "td_uphold_eh", { as = "om", at = "2026-01-21T11:00:00Z", input = { note = "Early Help upheld" } })
expect_state(c, "ifst_awaiting_allocation", "L402: OM upholds Early Help")
-- Mon 19 Jan + 2 working days = Wed 21 Jan.
expect_timescale(c, "T04_threshold_ops_manager_2wd", { status = "met", due = "2026-01-21" }, "L402")
expect_data(c, "threshold_final", true, "L402: this will be the final decision")
refuse(c, "challenge_threshold", { as = "tm", at = "2026-01-21T12:00:00Z", input = { reason = "again" } },
  "guard_failed", "L402: the Operations Manager's decision is final")

-- D: Step 2 overturned by the FCSWC.
local d = request("Hughes", "fh")
act(d, "challenge_threshold", { as = "fhtm", at = "2026-01-21T13:00:00Z", input = { reason = "Safeguarding" } })
refuse(d, "td_overturn_to_safeguarding", { as = "fcswc", at = "2026-01-21T14:00:00Z", input = { sehtw_agreed = false } },
  "guard_failed", "L398: overturned only if the SEHTW and FCSWC agree")
refuse(d, "td_overturn_to_safeguarding", { as = "sehtw", at = "2026-01-21T14:10:00Z", input = { sehtw_agreed = true } },
  "wrong_role", "L398: the FCSWC will action this")
act(d, "td_overturn_to_safeguarding", { as = "fcswc", at = "2026-01-21T14:30:00Z", input = { sehtw_agreed = true } })
expect_state(d, "referred_to_families_first", "L398: the decision to Early Help is overturned")

-- E: Step 4 agreement that safeguarding thresholds are met.
local e = request("Irving", "ifst")
act(e, "challenge_threshold", { as = "tm", at = "2026-01-22T09:00:00Z", input = { reason = "Safeguarding" } })
act(e, "td_no_agreement", { as = "sehtw", at = "2026-01-22T10:00:00Z" })
act(e, "td_safeguarding_view", { as = "om", at = "2026-01-22T11:00:00Z", input = { rationale = "CP concerns" } })
add_record(e, "interim_support_agreement", { as = "tm", at = "2026-01-22T11:30:00Z", fields = { arrangement = "KW duty visit" } })
act(e, "td_step4_agree", { as = "fcm", at = "2026-01-22T12:00:00Z", input = { outcome = "safeguarding" } })
expect_state(e, "referred_to_families_first", "L408: OM and First Contact Manager agree: safeguarding")
expect_timescale(e, "T02_threshold_discussion_2wd", { status = "met" }, "L390")

-- F: the Operations Manager's Step 3 discussion is late; the Strategic
-- Managers decide within their one working day.
local f = request("Jarvis", "fh")
act(f, "challenge_threshold", { as = "fhtm", at = "2026-01-22T13:00:00Z", input = { reason = "Possible CP" } })
act(f, "td_no_agreement", { as = "sehtw", at = "2026-01-22T15:00:00Z" })
-- Thu 22 Jan + 2 working days = Mon 26 Jan.
at "2026-01-27T09:00:00Z"
expect_timescale(f, "T04_threshold_ops_manager_2wd", { status = "breached", due = "2026-01-26" }, "L402: Operations Manager not within two working days")
act(f, "td_safeguarding_view", { as = "om", at = "2026-01-27T10:00:00Z", input = { rationale = "Meets CIN" } })
expect_timescale(f, "T04_threshold_ops_manager_2wd", { status = "met_late" }, "L402")
add_record(f, "interim_support_agreement", { as = "om", at = "2026-01-27T10:30:00Z", fields = { arrangement = "FH duty contact" } })
act(f, "td_escalate", { as = "om", at = "2026-01-27T11:00:00Z" })
-- Tue 27 Jan + 1 working day = Wed 28 Jan.
expect_timescale(f, "T05_threshold_strategic_1wd", { status = "pending", due = "2026-01-28" }, "L414")
refuse(f, "td_strategic_decision", { as = "om", at = "2026-01-27T14:00:00Z", input = { outcome = "safeguarding", note = "x" } },
  "wrong_role", "L418: the Strategic Manager reaches the decision")
act(f, "td_strategic_decision", { as = "sm", at = "2026-01-27T15:00:00Z", input = { outcome = "safeguarding", note = "Meets CIN: Families First" } })
expect_state(f, "referred_to_families_first", "L418: Strategic Manager decides safeguarding")
expect_timescale(f, "T05_threshold_strategic_1wd", { status = "met" }, "L414")
