-- Durham: Return to Home Interview after a missing episode (L2538-2569): 72
-- hours, exact (met, then breached), manager review and finalisation.
scenario "Durham: Return to Home Interview" {
  authority = "durham",
  start = "2026-03-02T09:00:00Z",   -- Monday
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    fhtm = { "fhtm", team = "family_hub" },
    ehp = { "ehp", team = "family_hub" },
  },
}

local f = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Zane", requester = "parent", reason = "teenager missing overnight" },
  members = { { id = "zoe", name = "Zoe", role = "child", dob = "2010-10-10" }, { id = "mum", name = "Mum", role = "parent", dob = "1980-01-01" } } }
act(f, "triage_allocate_fh", { as = "ehtw" })
act(f, "allocate_ehp", { as = "fhtm", input = { ehp = user_id "ehp", discussion_and_actions = "x" } })
add_record(f, "initial_checks", { as = "ehp", fields = { pvp_register_checked = true, rapid_completed = true } })
act(f, "record_fh_consent", { as = "ehp" })

refuse(f, "notify_missing_episode", { as = "ehp", at = "2026-03-02T09:30:00Z", input = { young_person = "nobody" } }, "invalid_input",
  "L2542: the missing episode concerns a child of the family")
act(f, "notify_missing_episode", { as = "ehp", at = "2026-03-02T10:00:00Z", input = { young_person = "zoe" } })
local r1 = linked(f, "return_home_interview")
expect_state(r1, "rthi_due", "L2542: allocated worker emailed about the missing episode")
expect_data(r1, "young_person", "zoe", "L2543: RTHI with the young person")
-- 72 hours, exact: Thu 5 Mar 10:00Z.
expect_timescale(r1, "T65_rthi_72h", { status = "pending", due = "2026-03-05T10:00:00Z" }, "L2543: within 72 hours")
refuse(r1, "complete_rthi", { as = "ehp", at = "2026-03-04T14:00:00Z", input = { dhm_number = "DHM1", interview_summary = "s" } }, "invalid_input",
  "L2566: the Signs of Safety section at the end of the RTHI")
act(r1, "complete_rthi", { as = "ehp", at = "2026-03-04T15:00:00Z", input = {
  dhm_number = "DHM123", interview_summary = "Stayed with a friend", working_well = "Came home", worried_about = "Older males", next_steps = "Safety plan" } })
expect_timescale(r1, "T65_rthi_72h", { status = "met" }, "L2543")
refuse(r1, "finalise_rthi", { as = "ehp", at = "2026-03-05T09:00:00Z", input = { pdf_saved = true } }, "wrong_role", "L2556: allocated manager to review RTHI")
act(r1, "requires_further_information", { as = "fhtm", at = "2026-03-05T10:00:00Z", input = { feedback = "Add the police information" } })
expect_state(r1, "rthi_due", "L2564: sent back to the worker's tray")
act(r1, "complete_rthi", { as = "ehp", at = "2026-03-05T12:00:00Z", input = {
  dhm_number = "DHM123", interview_summary = "Stayed with a friend; police report added", working_well = "Came home", worried_about = "Older males", next_steps = "Safety plan" } })
refuse(r1, "finalise_rthi", { as = "fhtm", at = "2026-03-05T13:00:00Z", input = { pdf_saved = false } }, "guard_failed",
  "L2556: printing and saving as a PDF prior to finalisation")
act(r1, "finalise_rthi", { as = "fhtm", at = "2026-03-05T14:00:00Z", input = { pdf_saved = true } })
act(r1, "send_to_erase", { as = "ehp", at = "2026-03-05T15:00:00Z", input = { sent_to = "ERASE; named officer" } })
act(r1, "follow_up_actions", { as = "ehp", at = "2026-03-06T10:00:00Z", input = { actions = "Safety plan added to the Family Plan" } })
expect_state(r1, "rthi_closed", "L2560: worker follows up on any actions from RTHI")

act(f, "notify_missing_episode", { as = "fhtm", at = "2026-03-09T10:00:00Z", input = { young_person = "zoe" } })
local r2 = linked(f, "return_home_interview")
at "2026-03-12T11:00:00Z"
expect_timescale(r2, "T65_rthi_72h", { status = "breached", due = "2026-03-12T10:00:00Z" }, "L2543: not within 72 hours")
act(r2, "complete_rthi", { as = "ehp", at = "2026-03-12T12:00:00Z", input = {
  dhm_number = "DHM456", interview_summary = "s", working_well = "w", worried_about = "x", next_steps = "n" } })
expect_timescale(r2, "T65_rthi_72h", { status = "met_late" }, "L2543")
