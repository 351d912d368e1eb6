-- Durham: Full Circle support for a non-SGO/adoptive family (L2466-2520):
-- Full Circle Assessment and the C&F to the manager within 10 working days of
-- the Screening Assessment Meeting, six-weekly reviews, and four-weekly
-- welfare checks when there is no ongoing OPS support (met and breached).
-- Bare due dates are 23:59:59 London time (BST from 29 Mar 2026).
scenario "Durham: Full Circle (non-SGO) workflow" {
  authority = "durham",
  start = "2026-03-02T09:00:00Z",   -- Monday
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
  },
}

local c = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Abbott", requester = "professional", reason = "historical sexual abuse; impact on functioning" },
  members = { { id = "lee", name = "Lee", role = "child", dob = "2012-02-12" } } }
add_record(c, "mo_case_note", { as = "sehtw", fields = { note = "IFST" } })
act(c, "triage_allocate_ifst", { as = "ehtw", input = { complex_needs = true } })
add_record(c, "timeline", { as = "tm", fields = { initial_case_summary = "Full Circle workflow timescales" } })
act(c, "allocate_key_worker", { as = "tm", input = { key_worker = user_id "kw", expected_assessment_working_days = 28, discussion_and_actions = "Full Circle referral" } })
add_record(c, "initial_checks", { as = "kw", fields = { pvp_register_checked = true, rapid_completed = true } })
act(c, "record_consent", { as = "kw" })

act(c, "refer_to_full_circle", { as = "kw", at = "2026-03-02T10:00:00Z", input = { need = "Letting the future in" } })
local f1 = linked(c, "full_circle")
act(c, "refer_to_full_circle", { as = "kw", at = "2026-03-02T11:00:00Z", input = { need = "Therapeutic support" } })
local f2 = linked(c, "full_circle")
expect_state(f1, "fc_referred", "L2484: referral to the Full Circle duty tray")

act(f1, "hold_screening_meeting", { as = "kw", at = "2026-03-04T10:00:00Z", input = { intervention = "LTFI programme", review_by = "review_every_6_weeks" } })
expect_state(f1, "fc_intervention", "L2494: the Full Circle SW determines the intervention and how progress will be reviewed")
-- Wed 4 Mar + 10 working days = Wed 18 Mar; + 6 weeks = Wed 15 Apr.
expect_timescale(f1, "T62_fc_assessment_10wd", { status = "pending", due = "2026-03-18" }, "L2503: within 10 working days following the Screening Assessment Meeting")
expect_timescale(f1, "T63_cf_to_manager_10wd", { status = "pending", due = "2026-03-18" }, "L2513: send to manager for approval within 10 working days")
expect_timescale(f1, "T61_review_6_weeks", { status = "pending", due = "2026-04-15" }, "L2499: review progress every 6 weeks")
act(f2, "hold_screening_meeting", { as = "kw", at = "2026-03-04T11:00:00Z", input = { intervention = "Family therapy", review_by = "initial_taf_at_6_weeks" } })

add_record(f1, "fc_assessment", { as = "kw", at = "2026-03-16T10:00:00Z", fields = { summary = "Full Circle Assessment" } })
expect_timescale(f1, "T62_fc_assessment_10wd", { status = "met" }, "L2503")
act(f2, "send_cf_to_manager", { as = "kw", at = "2026-03-16T11:00:00Z" })
expect_timescale(f2, "T63_cf_to_manager_10wd", { status = "met" }, "L2513")
at "2026-03-19T08:00:00Z"
expect_timescale(f1, "T63_cf_to_manager_10wd", { status = "breached", due = "2026-03-18" }, "L2513: not sent within 10 working days")
expect_timescale(f2, "T62_fc_assessment_10wd", { status = "breached", due = "2026-03-18" }, "L2503: not completed within 10 working days")
act(f1, "send_cf_to_manager", { as = "kw", at = "2026-03-20T10:00:00Z" })
expect_timescale(f1, "T63_cf_to_manager_10wd", { status = "met_late" }, "L2513")
add_record(f2, "fc_assessment", { as = "kw", at = "2026-03-20T11:00:00Z", fields = { summary = "late" } })
expect_timescale(f2, "T62_fc_assessment_10wd", { status = "met_late" }, "L2503")

act(f1, "fc_progress_review", { as = "kw", at = "2026-04-10T10:00:00Z", input = { progress = "Attending sessions" } })
expect_timescale(f1, "T61_review_6_weeks", { occurrence = 1, status = "met" }, "L2499")
act(f2, "fc_initial_taf", { as = "kw", at = "2026-04-13T10:00:00Z" })
act(f1, "ops_support_ended", { as = "kw", at = "2026-04-13T11:00:00Z" })
-- Mon 13 Apr + 4 weeks = Mon 11 May.
expect_timescale(f1, "T64_welfare_check_4_weeks", { status = "pending", due = "2026-05-11" }, "L2515: at least once every 4 weeks with no ongoing OPS support")
add_record(f1, "welfare_check", { as = "kw", at = "2026-05-08T10:00:00Z", fields = { method = "telephone" } })
expect_timescale(f1, "T64_welfare_check_4_weeks", { occurrence = 1, status = "met" }, "L2515")
-- f1's next review: Fri 10 Apr + 6 weeks = Fri 22 May.
at "2026-05-26T08:00:00Z"
expect_timescale(f1, "T61_review_6_weeks", { occurrence = 2, status = "breached", due = "2026-05-22" }, "L2499: no six-weekly review")
-- Fri 8 May + 4 weeks = Fri 5 Jun.
at "2026-06-08T08:00:00Z"
expect_timescale(f1, "T64_welfare_check_4_weeks", { occurrence = 2, status = "breached", due = "2026-06-05" }, "L2515: no welfare check for 4 weeks")
act(f1, "fc_progress_review", { as = "kw", at = "2026-06-08T10:00:00Z", input = { progress = "Complete" } })
expect_timescale(f1, "T61_review_6_weeks", { occurrence = 2, status = "met_late" }, "L2499")
act(f1, "ops_support_resumed", { as = "kw", at = "2026-06-08T11:00:00Z" })
act(f1, "discuss_step_up", { as = "tm", at = "2026-06-09T10:00:00Z", input = { concerns = "None remaining" } })
refuse(f1, "agree_fc_closure", { as = "tm", at = "2026-06-09T11:00:00Z", input = { outcomes_met = false } }, "guard_failed",
  "L2519: closure if outcomes including Stronger Family Outcomes have been met")
refuse(f1, "agree_fc_closure", { as = "kw", at = "2026-06-09T11:30:00Z", input = { outcomes_met = true } }, "wrong_role",
  "L2519: closure agreed by the manager [INF]")
act(f1, "agree_fc_closure", { as = "tm", at = "2026-06-09T12:00:00Z", input = { outcomes_met = true } })
expect_state(f1, "fc_closed", "L2458: the case will close to OPS and remain open to Full Circle")
