-- Bexley: intake timescales met and breached: T01 (MASH 24 hours), T02 (inbox
-- reviewed: every working day, L205; every day, L233), T03 (answerphone, next
-- working day), T04 (72 hours of creating the episode) and T05 (72 hours
-- (3 working days) of receipt), the two allocation rules disagreeing both ways.
-- All dates are in January/February 2026 (GMT): bare date = 23:59:59Z.
scenario "Bexley: intake timescales" {
  authority = "bexley",
  start = "2026-01-05T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    kw = { "key_worker", team = "north" },
  },
}

local ELIGIBLE = { factors = { "drug_or_alcohol_misuse" }, tier_three = true, not_in_need_or_at_risk = true }
local function note(extra)
  local t = {
    key_worker = user_id "kw", children_count = 1, needs_summary = "parental alcohol misuse", wellbeing_scaling = 4,
    initial_visit_by = "2026-02-06", assessment_by = "2026-02-27", planning_meeting_by = "2026-03-06",
    case_review_by = "2026-04-30",
  }
  for k, v in pairs(extra or {}) do t[k] = v end
  return t
end
local function new_case()
  return open_case {
    workflow = "family_wellbeing", as = "mash",
    data = { referrer = "school", referral_route = "professional_referral", written_consent = true },
    members = { { id = "cal", name = "Cal", role = "child", dob = "2012-02-02" } },
  }
end

-- A: T01 breached ---------------------------------------------------------------
local a = new_case()
at "2026-01-06T09:30:00Z"
expect_timescale(a, "T01_mash_decision_24h", { status = "breached", due = "2026-01-06T09:00:00Z" }, "L197: no decision within 24 hours")
act(a, "mash_route_to_fws", { as = "mash" })
expect_timescale(a, "T01_mash_decision_24h", { status = "met_late" }, "L197: decision after 24 hours")

-- B: Friday receipt: L233 'every day' breached over the weekend, L205 'every
-- working day' met; T05 (3 working days of receipt) breached, T04 (72 hours of
-- the episode) met -----------------------------------------------------------------
at "2026-01-09T14:00:00Z"                      -- Friday
local b = new_case()
at "2026-01-09T15:00:00Z"
act(b, "mash_route_to_fws", { as = "mash" })
expect_timescale(b, "T02_inbox_review_daily", { status = "pending", due = "2026-01-10" }, "L233: every day")
expect_timescale(b, "T02_inbox_review_working_day", { status = "pending", due = "2026-01-12" }, "L205: every working day")
expect_timescale(b, "T05_allocation_3wd_of_receipt", { status = "pending", due = "2026-01-14" }, "L233: 3 working days of receipt")
at "2026-01-11T00:30:00Z"                      -- Sunday
expect_timescale(b, "T02_inbox_review_daily", { status = "breached", due = "2026-01-10" }, "L233: not reviewed the next day")
expect_timescale(b, "T02_inbox_review_working_day", { status = "pending" }, "L205: the weekend is not a working day")
at "2026-01-12T10:00:00Z"                      -- Monday
act(b, "accept_referral", { as = "duty", input = ELIGIBLE })
expect_timescale(b, "T02_inbox_review_working_day", { status = "met" }, "L205: reviewed the next working day")
expect_timescale(b, "T02_inbox_review_daily", { status = "met_late" }, "L233: reviewed after the next day")
expect_timescale(b, "T04_allocation_72h_of_episode", { status = "pending", due = "2026-01-15T10:00:00Z" }, "L205: 72 hours of creating the episode")
at "2026-01-15T00:30:00Z"
expect_timescale(b, "T05_allocation_3wd_of_receipt", { status = "breached", due = "2026-01-14" }, "L233: not allocated within 3 working days of receipt")
at "2026-01-15T09:00:00Z"
act(b, "allocate_key_worker", { as = "duty", input = note() })
expect_timescale(b, "T04_allocation_72h_of_episode", { status = "met" }, "L205: allocated within 72 hours of the episode")
expect_timescale(b, "T05_allocation_3wd_of_receipt", { status = "met_late" }, "L233: allocated late against receipt")

-- C: T02 working-day rule breached ------------------------------------------------
at "2026-01-19T09:00:00Z"                      -- Monday
local cc = new_case()
at "2026-01-19T09:30:00Z"
act(cc, "mash_route_to_fws", { as = "mash" })
at "2026-01-21T09:00:00Z"                      -- Wednesday
expect_timescale(cc, "T02_inbox_review_working_day", { status = "breached", due = "2026-01-20" }, "L205: not reviewed the next working day")
expect_timescale(cc, "T02_inbox_review_daily", { status = "breached", due = "2026-01-20" }, "L233: not reviewed the next day")
act(cc, "fws_redirect_csc", { as = "duty", input = { reason = "domestic abuse now acute: in need of a social work assessment" } })
expect_state(cc, "redirected_to_csc_at_intake", "L203: FWS manager re-directs to CSC (option b)")
expect_timescale(cc, "T02_inbox_review_working_day", { status = "met_late" }, "L205: reviewed late")
expect_timescale(cc, "T05_allocation_3wd_of_receipt", { status = "cancelled" }, "L203: no allocation after a re-direction")

-- D: T04 breached (72 clock hours) while T05 (3 working days) is met ----------------
at "2026-01-26T09:00:00Z"                      -- Monday
local d = new_case()
at "2026-01-26T09:10:00Z"
act(d, "mash_route_to_fws", { as = "mash" })
at "2026-01-26T09:30:00Z"
act(d, "accept_referral", { as = "duty", input = ELIGIBLE })
expect_timescale(d, "T04_allocation_72h_of_episode", { status = "pending", due = "2026-01-29T09:30:00Z" }, "L205: 72 hours, exact")
expect_timescale(d, "T05_allocation_3wd_of_receipt", { status = "pending", due = "2026-01-29" }, "L233: 3 working days, end of day")
at "2026-01-29T12:00:00Z"                      -- Thursday
expect_timescale(d, "T04_allocation_72h_of_episode", { status = "breached", due = "2026-01-29T09:30:00Z" }, "L205: not allocated within 72 hours")
act(d, "allocate_key_worker", { as = "duty", input = note() })
expect_timescale(d, "T04_allocation_72h_of_episode", { status = "met_late" }, "L205: allocated after 72 hours")
expect_timescale(d, "T05_allocation_3wd_of_receipt", { status = "met" }, "L233: allocated within 3 working days")

-- E: T03 answerphone messages, met then breached -----------------------------------
at "2026-01-30T19:00:00Z"                      -- Friday evening, out of hours
add_record(d, "answerphone_message", { as = "duty", fields = { caller = "mother", message = "please call back about the visit" } })
expect_timescale(d, "T03_answerphone_next_working_day", { status = "pending", due = "2026-02-02" }, "L207: responded to on the next working day")
at "2026-02-02T09:30:00Z"                      -- Monday
act(d, "respond_to_answerphone_message", { as = "kw", input = { response = "visit moved to Wednesday" } })
expect_timescale(d, "T03_answerphone_next_working_day", { status = "met" }, "L207: responded the next working day")
at "2026-02-02T18:00:00Z"                      -- Monday evening
add_record(d, "answerphone_message", { as = "duty", fields = { caller = "mother", message = "school called" } })
expect_timescale(d, "T03_answerphone_next_working_day", { status = "pending", due = "2026-02-03", count = 2 }, "L207: next working day is Tuesday")
at "2026-02-04T09:00:00Z"                      -- Wednesday
expect_timescale(d, "T03_answerphone_next_working_day", { status = "breached", due = "2026-02-03" }, "L207: not responded to on the next working day")
act(d, "respond_to_answerphone_message", { as = "kw", input = { response = "called back" } })
expect_timescale(d, "T03_answerphone_next_working_day", { status = "met_late" }, "L207: responded late")
