-- Bexley: working-day windows over Easter 2026 (Good Friday 3 April, Easter
-- Monday 6 April; British Summer Time from 29 March, so a bare date is
-- 22:59:59Z) and Christmas 2026 (Friday 25 December, Monday 28 December the
-- substitute for Boxing Day; New Year's Day Friday 1 January 2027; GMT), and
-- hours exact across the clock change. Every due date computed by hand from
-- DESIGN §3: the anchor's local date is day 0.
scenario "Bexley: bank holidays and British Summer Time" {
  authority = "bexley",
  start = "2026-03-28T12:00:00Z",              -- Saturday, GMT
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    kw = { "key_worker", team = "north" },
  },
}

local ELIGIBLE = { factors = { "domestic_abuse" }, tier_three = true, not_in_need_or_at_risk = true }
local function new_case(child)
  return open_case {
    workflow = "family_wellbeing", as = "mash",
    data = { referrer = "police", referral_route = "professional_referral", written_consent = true },
    members = { { id = child, name = child, role = "child", dob = "2014-01-01" } },
  }
end
local function note()
  return {
    key_worker = user_id "kw", children_count = 1, needs_summary = "domestic abuse", wellbeing_scaling = 4,
    initial_visit_by = "2026-04-13", assessment_by = "2026-05-05", planning_meeting_by = "2026-05-12",
    case_review_by = "2026-07-07",
  }
end

-- Hours are exact: 24 hours across the spring clock change (01:00Z 29 March) --------
local h1 = new_case("ada")
expect_timescale(h1, "T01_mash_decision_24h", { status = "pending", due = "2026-03-29T12:00:00Z" }, "L197: 24 hours, exact across the clock change")
at "2026-03-29T12:30:00Z"
expect_timescale(h1, "T01_mash_decision_24h", { status = "breached", due = "2026-03-29T12:00:00Z" }, "L197: no decision within 24 hours")

-- Easter 2026 ------------------------------------------------------------------------
at "2026-04-01T08:00:00Z"                      -- Wednesday 09:00 BST
local e1 = new_case("bea")
at "2026-04-01T09:00:00Z"
act(e1, "mash_route_to_fws", { as = "mash" })
-- 3 working days from Wed 1 April: Thu 2 (1), Good Friday, weekend, Easter Monday, Tue 7 (2), Wed 8 (3)
expect_timescale(e1, "T05_allocation_3wd_of_receipt", { status = "pending", due = "2026-04-08T22:59:59Z" }, "L233: 3 working days over Easter")
expect_timescale(e1, "T02_inbox_review_working_day", { status = "pending", due = "2026-04-02" }, "L205: next working day")
at "2026-04-02T15:00:00Z"                      -- Thursday 16:00 BST
act(e1, "accept_referral", { as = "duty", input = ELIGIBLE })
expect_timescale(e1, "T04_allocation_72h_of_episode", { status = "pending", due = "2026-04-05T15:00:00Z" }, "L205: 72 hours, over the Easter weekend")
-- 5 working days from Thu 2 April: 7, 8, 9, 10, 13 April
expect_timescale(e1, "T08_intro_visit_5wd_of_referral", { status = "pending", due = "2026-04-13" }, "L605: 5 working days over Easter")
-- 20 working days from Thu 2 April, skipping Easter and the early May bank holiday (4 May)
expect_timescale(e1, "T09_assessment_authorised_20wd", { status = "pending", due = "2026-05-05" }, "L257: 20 working days over two bank holidays")

-- A contact routed at 00:30 BST on Good Friday (23:30Z Thursday): day 0 is the local date
at "2026-04-02T23:00:00Z"
local e2 = new_case("cy")
at "2026-04-02T23:30:00Z"
act(e2, "mash_route_to_fws", { as = "mash" })
expect_timescale(e2, "T02_inbox_review_working_day", { status = "pending", due = "2026-04-07" }, "L205: next working day after Good Friday is Tuesday")
expect_timescale(e2, "T02_inbox_review_daily", { status = "pending", due = "2026-04-04" }, "L233: every day, from local Friday 3 April")
expect_timescale(e2, "T05_allocation_3wd_of_receipt", { status = "pending", due = "2026-04-09" }, "L233: 3 working days from Good Friday: 7, 8, 9 April")

at "2026-04-07T09:00:00Z"                      -- Tuesday 10:00 BST
expect_timescale(e1, "T04_allocation_72h_of_episode", { status = "breached", due = "2026-04-05T15:00:00Z" }, "L205: 72 hours passed over Easter")
expect_timescale(e1, "T05_allocation_3wd_of_receipt", { status = "pending" }, "L233: 3 working days not yet passed")
expect_timescale(e2, "T02_inbox_review_daily", { status = "breached", due = "2026-04-04" }, "L233: not reviewed the next day")
expect_timescale(e2, "T02_inbox_review_working_day", { status = "pending" }, "L205: Tuesday is the next working day")
act(e1, "allocate_key_worker", { as = "duty", input = note() })
expect_timescale(e1, "T05_allocation_3wd_of_receipt", { status = "met" }, "L233: allocated within 3 working days of receipt")
expect_timescale(e1, "T04_allocation_72h_of_episode", { status = "met_late" }, "L205: allocated after 72 hours")
expect_timescale(e1, "T07_intro_visit_5_days", { status = "pending", due = "2026-04-12" }, "L241: 5 days, calendar")
at "2026-04-07T09:30:00Z"
act(e2, "accept_referral", { as = "duty", input = ELIGIBLE })
expect_timescale(e2, "T02_inbox_review_working_day", { status = "met" }, "L205: reviewed on the next working day")

at "2026-04-13T09:00:00Z"                      -- Monday
act(e1, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })
expect_timescale(e1, "T07_intro_visit_5_days", { status = "met_late" }, "L241: 5 calendar days passed on Sunday")
expect_timescale(e1, "T08_intro_visit_5wd_of_referral", { status = "met", due = "2026-04-13" }, "L605: within 5 working days over Easter")
expect_timescale(e1, "T16_visit_case_note_3wd", { status = "pending", due = "2026-04-16T22:59:59Z" }, "L302: 3 working days")

-- Christmas 2026 -----------------------------------------------------------------------
at "2026-12-23T15:00:00Z"                      -- Wednesday
local y = new_case("dee")
at "2026-12-23T16:00:00Z"
act(y, "mash_route_to_fws", { as = "mash" })
expect_timescale(y, "T02_inbox_review_working_day", { status = "pending", due = "2026-12-24" }, "L205: next working day")
-- Thu 24 (1), Christmas Day, weekend, Boxing Day substitute Mon 28, Tue 29 (2), Wed 30 (3)
expect_timescale(y, "T05_allocation_3wd_of_receipt", { status = "pending", due = "2026-12-30" }, "L233: 3 working days over Christmas")

at "2026-12-24T09:00:00Z"                      -- Thursday
local x = new_case("eli")
at "2026-12-24T10:00:00Z"
act(x, "mash_route_to_fws", { as = "mash" })
-- Fri 25 and Mon 28 are bank holidays: Tue 29 (1), Wed 30 (2), Thu 31 (3)
expect_timescale(x, "T05_allocation_3wd_of_receipt", { status = "pending", due = "2026-12-31T23:59:59Z" }, "L233: 3 working days over Christmas")
expect_timescale(x, "T02_inbox_review_working_day", { status = "pending", due = "2026-12-29" }, "L205: next working day after Christmas")
expect_timescale(x, "T02_inbox_review_daily", { status = "pending", due = "2026-12-25" }, "L233: every day, Christmas Day included")
at "2026-12-24T11:00:00Z"
act(x, "accept_referral", { as = "duty", input = ELIGIBLE })
expect_timescale(x, "T04_allocation_72h_of_episode", { status = "pending", due = "2026-12-27T11:00:00Z" }, "L205: 72 hours over Christmas")
-- Tue 29, Wed 30, Thu 31, New Year's Day, Mon 4, Tue 5 January 2027
expect_timescale(x, "T08_intro_visit_5wd_of_referral", { status = "pending", due = "2027-01-05" }, "L605: 5 working days over Christmas and New Year")
expect_timescale(x, "T09_assessment_authorised_20wd", { status = "pending", due = "2027-01-26" }, "L257: 20 working days over Christmas and New Year")

at "2026-12-29T10:00:00Z"                      -- Tuesday
expect_timescale(x, "T04_allocation_72h_of_episode", { status = "breached", due = "2026-12-27T11:00:00Z" }, "L205: 72 hours passed over Christmas")
expect_timescale(y, "T02_inbox_review_working_day", { status = "breached", due = "2026-12-24" }, "L205: not reviewed on Christmas Eve")
act(x, "allocate_key_worker", { as = "duty", input = note() })
expect_timescale(x, "T05_allocation_3wd_of_receipt", { status = "met" }, "L233: allocated within 3 working days of receipt")
expect_timescale(x, "T04_allocation_72h_of_episode", { status = "met_late" }, "L205: allocated after 72 hours")
expect_timescale(x, "T06_first_contact_3_days", { status = "pending", due = "2027-01-01" }, "L426: 3 days, calendar")
expect_timescale(x, "T07_intro_visit_5_days", { status = "pending", due = "2027-01-03" }, "L241: 5 days, calendar")
act(y, "accept_referral", { as = "duty", input = ELIGIBLE })
expect_timescale(y, "T02_inbox_review_working_day", { status = "met_late" }, "L205: reviewed after Christmas")
-- Wed 30 (1), Thu 31 (2), New Year's Day, Mon 4 (3), Tue 5 (4), Wed 6 (5)
expect_timescale(y, "T08_intro_visit_5wd_of_referral", { status = "pending", due = "2027-01-06" }, "L605: 5 working days over New Year")
expect_timescale(y, "T04_allocation_72h_of_episode", { status = "pending", due = "2027-01-01T10:00:00Z" }, "L205: 72 hours, New Year's Day included")

at "2026-12-30T10:00:00Z"
act(x, "record_first_contact", { as = "kw", input = { visit_arranged_for = "2027-01-04" } })
expect_timescale(x, "T06_first_contact_3_days", { status = "met" }, "L426: contacted within 3 days")
expect_timescale(y, "T05_allocation_3wd_of_receipt", { status = "pending", due = "2026-12-30" }, "L233: due today")
act(y, "allocate_key_worker", { as = "duty", input = note() })
expect_timescale(y, "T05_allocation_3wd_of_receipt", { status = "met" }, "L233: allocated on the third working day")

at "2027-01-04T10:00:00Z"                      -- Monday
act(x, "record_introductory_visit", { as = "kw", input = { consent_confirmed = true, service_explained = true } })
expect_timescale(x, "T07_intro_visit_5_days", { status = "met_late" }, "L241: 5 calendar days passed on Sunday 3 January")
expect_timescale(x, "T08_intro_visit_5wd_of_referral", { status = "met", due = "2027-01-05" }, "L605: within 5 working days over the holidays")
expect_timescale(x, "T16_visit_case_note_3wd", { status = "pending", due = "2027-01-07" }, "L302: 3 working days")
expect_timescale(x, "T12_visits_20wd_guidance", { status = "pending", due = "2027-02-01" }, "L616: 20 working days")
