-- Durham: One Point support to a Pre-Birth Intervention Service plan
-- (L2185-2334): allocation and contact within 5 working days, the 10-week
-- plan with its 6-week review, monthly case conferences, six-weekly TAFs,
-- monthly supervision and manager oversight (met and breached), and the
-- maximum of 2 pre-birth interventions per EHP.
-- Bare due dates are 23:59:59 London time (BST from 29 Mar 2026).
scenario "Durham: Pre-Birth Intervention Service support" {
  authority = "durham",
  start = "2026-03-02T09:00:00Z",   -- Monday
  users = {
    fhtm = { "fhtm", team = "family_hub" },
    ehp = { "ehp", team = "family_hub" },
    ehp2 = { "ehp", team = "family_hub" },
    ehp3 = { "ehp", team = "family_hub" },
  },
}

local parents = { { id = "mia", name = "Mia", role = "parent", dob = "1998-08-08" } }
local p = open_case { workflow = "pre_birth_intervention", as = "fhtm",
  data = { family_name = "Bishop", pbis_social_worker = "PBIS SW" }, members = parents }
expect_state(p, "pbis_requested", "L2217: the PBIS Social Worker requests support from the FHTM")
-- Mon 2 Mar + 5 working days = Mon 9 Mar.
expect_timescale(p, "T50_pbis_allocation_5wd", { status = "pending", due = "2026-03-09" }, "L2218: allocate within 5 working days")
-- L2209: ehp2 already holds two other pre-birth interventions, so a third is refused.
local others = {}
for i = 1, 2 do
  others[i] = open_case { workflow = "pre_birth_intervention", as = "fhtm", at = "2026-03-03T09:00:00Z",
    data = { family_name = "Other " .. i, pbis_social_worker = "PBIS SW" }, members = parents }
  act(others[i], "allocate_pbis_ehp", { as = "fhtm", input = { ehp = user_id "ehp2", general_note = "allocated" } })
end
refuse(p, "allocate_pbis_ehp", { as = "fhtm", at = "2026-03-04T09:00:00Z", input = { ehp = user_id "ehp2", general_note = "x" } },
  "guard_failed", "L2209: a maximum of 2 pre-birth interventions at any given time")
refuse(p, "allocate_pbis_ehp", { as = "ehp", at = "2026-03-04T09:30:00Z", input = { ehp = user_id "ehp", general_note = "x" } },
  "wrong_role", "L2218: the Family Hub Team Manager will allocate")
act(p, "allocate_pbis_ehp", { as = "fhtm", at = "2026-03-04T10:00:00Z", input = { ehp = user_id "ehp",
  general_note = "PBI support allocated to EHP. Contact to be made with the Social Worker within 5 working days" } })
expect_timescale(p, "T50_pbis_allocation_5wd", { status = "met" }, "L2218")
-- Wed 4 Mar + 5 working days = Wed 11 Mar; + 1 month = Sat 4 Apr.
expect_timescale(p, "T51_contact_sw_5wd", { status = "pending", due = "2026-03-11" }, "L2220: contact within 5 working days")
expect_timescale(p, "T56_joint_supervision_monthly", { status = "pending", due = "2026-04-04" }, "L2324: monthly supervision")
act(p, "contact_social_worker", { as = "ehp", at = "2026-03-05T10:00:00Z" })
expect_timescale(p, "T51_contact_sw_5wd", { status = "met" }, "L2220")
refuse(p, "planning_meeting", { as = "ehp", at = "2026-03-06T09:00:00Z", input = { dangers_discussed = false, communications_plan = "weekly call" } },
  "guard_failed", "L2266: discuss the danger posed to the unborn baby")
act(p, "planning_meeting", { as = "ehp", at = "2026-03-06T10:00:00Z", input = { dangers_discussed = true, communications_plan = "Weekly call" } })
act(p, "agree_intervention_plan", { as = "ehp", at = "2026-03-09T10:00:00Z", input = { plan_of_work = "Weeks 1-10", review_points = "Week 6" } })
expect_state(p, "pbis_intervention", "L2240: 10-week Intervention Plan implemented by EHP")
-- Mon 9 Mar + 6 weeks = Mon 20 Apr; + 10 weeks = Mon 18 May; + 1 month = Thu 9 Apr.
expect_timescale(p, "T52_progress_review_6_weeks", { status = "pending", due = "2026-04-20" }, "L2241: progress reviewed after 6 weeks")
expect_timescale(p, "T52_next_plan_10_weeks", { status = "pending", due = "2026-05-18" }, "L2242: next 10 week intervention plan")
expect_timescale(p, "T53_case_conference_monthly", { status = "pending", due = "2026-04-09" }, "L2247: monthly case conference")
expect_timescale(p, "T53_taf_6_weeks", { status = "pending", due = "2026-04-20" }, "L2248: TAF every four to six weeks")
act(p, "pbis_joint_home_visit", { as = "ehp", at = "2026-03-10T10:00:00Z" })
add_record(p, "pbis_session", { as = "ehp", at = "2026-03-16T10:00:00Z", fields = {
  session_date = "2026-03-16", present = "Mia; partner invited, did not attend", location = "Home", aim = "Feeding routines", outcome = "Engaged well" } })
add_record(p, "pbis_supervision", { as = "ehp", at = "2026-03-30T10:00:00Z", fields = { summary = "Working well" } })
expect_timescale(p, "T56_joint_supervision_monthly", { occurrence = 1, status = "met" }, "L2324")
add_record(p, "pbis_oversight_note", { as = "fhtm", at = "2026-04-01T10:00:00Z", fields = { observations = "On track" } })
expect_timescale(p, "T57_manager_oversight_monthly", { occurrence = 1, status = "met" }, "L2334")
act(p, "case_conference", { as = "ehp", at = "2026-04-08T10:00:00Z" })
expect_timescale(p, "T53_case_conference_monthly", { occurrence = 1, status = "met" }, "L2247")
act(p, "pbis_taf", { as = "ehp", at = "2026-04-15T10:00:00Z" })
expect_timescale(p, "T53_taf_6_weeks", { occurrence = 1, status = "met" }, "L2248")
act(p, "review_intervention", { as = "ehp", at = "2026-04-17T10:00:00Z", input = { progress = "Good" } })
expect_timescale(p, "T52_progress_review_6_weeks", { status = "met" }, "L2241")
-- Supervision next due Thu 30 Apr, oversight Fri 1 May, conference Fri 8 May.
at "2026-05-11T08:00:00Z"
expect_timescale(p, "T56_joint_supervision_monthly", { occurrence = 2, status = "breached", due = "2026-04-30" }, "L2324: no supervision this month")
expect_timescale(p, "T57_manager_oversight_monthly", { occurrence = 2, status = "breached", due = "2026-05-01" }, "L2334: no oversight this month")
expect_timescale(p, "T53_case_conference_monthly", { occurrence = 2, status = "breached", due = "2026-05-08" }, "L2247: no case conference this month")
act(p, "agree_next_plan", { as = "ehp", at = "2026-05-15T10:00:00Z", input = { plan_of_work = "Weeks 11-20", review_points = "Week 16" } })
expect_timescale(p, "T52_next_plan_10_weeks", { occurrence = 1, status = "met" }, "L2242")
act(p, "end_pbis_support", { as = "fhtm", at = "2026-05-20T10:00:00Z", input = { reason = "Post-birth plan in place" } })
expect_state(p, "pbis_closed", "L2260")

-- A second family, where the clocks run late.
local q = open_case { workflow = "pre_birth_intervention", as = "fhtm", at = "2026-05-20T11:00:00Z",
  data = { family_name = "Carr", pbis_social_worker = "PBIS SW 2" }, members = parents }
-- Wed 20 May + 5 working days = Thu 28 May (Mon 25 May is a bank holiday).
at "2026-05-29T08:00:00Z"
expect_timescale(q, "T50_pbis_allocation_5wd", { status = "breached", due = "2026-05-28" }, "L2218: not allocated within 5 working days")
act(q, "allocate_pbis_ehp", { as = "fhtm", at = "2026-05-29T09:00:00Z", input = { ehp = user_id "ehp3", general_note = "PBI support allocated" } })
expect_timescale(q, "T50_pbis_allocation_5wd", { status = "met_late" }, "L2218")
-- Fri 29 May + 5 working days = Fri 5 Jun.
at "2026-06-08T08:00:00Z"
expect_timescale(q, "T51_contact_sw_5wd", { status = "breached", due = "2026-06-05" }, "L2220: Social Worker not contacted within 5 working days")
act(q, "contact_social_worker", { as = "ehp3", at = "2026-06-08T09:00:00Z" })
expect_timescale(q, "T51_contact_sw_5wd", { status = "met_late" }, "L2220")
act(q, "planning_meeting", { as = "ehp3", at = "2026-06-08T10:00:00Z", input = { dangers_discussed = true, communications_plan = "Email" } })
act(q, "agree_intervention_plan", { as = "ehp3", at = "2026-06-08T11:00:00Z", input = { plan_of_work = "Weeks 1-10", review_points = "Week 6" } })
-- Mon 8 Jun + 6 weeks = Mon 20 Jul; + 10 weeks = Mon 17 Aug.
at "2026-07-21T08:00:00Z"
expect_timescale(q, "T52_progress_review_6_weeks", { status = "breached", due = "2026-07-20" }, "L2241: no review after 6 weeks")
expect_timescale(q, "T53_taf_6_weeks", { status = "breached", due = "2026-07-20" }, "L2248: no TAF within six weeks")
at "2026-08-18T08:00:00Z"
expect_timescale(q, "T52_next_plan_10_weeks", { status = "breached", due = "2026-08-17" }, "L2242: no next plan after 10 weeks")
