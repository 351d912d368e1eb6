-- tests/scenarios/bristol/bank_holidays.lua: Bristol's timescales across bank
-- holidays and clock changes.
--
-- The document has NO working-day rule (spec §4: "Bristol uses no 'working
-- days' anywhere"): every clock is in calendar days, weeks, months or hours.
-- So across Easter 2026 (Good Friday 3 April, Easter Monday 6 April) and
-- Christmas 2026 (Friday 25 December; Monday 28 December, the substitute for
-- Boxing Day) the due dates below are asserted exactly and are NOT moved by
-- the holidays: DESIGN §3 "within N days of X: 23:59:59 local on X's date + N";
-- "within N hours: X + N hours, exactly". A due date that falls on a bank
-- holiday stays on it.
-- British Summer Time starts Sunday 29 March 2026: a bare date then ends at
-- 22:59:59Z.
scenario "Bristol: calendar-day clocks over Easter, Christmas and BST" {
  authority = "bristol",
  start = "2026-03-23T09:00:00Z",
  users = {
    asw = "area_social_worker",
    lm = { "locality_meeting", team = "north" },
    fsw = { "fsw", team = "north" },
    eim = { "education_inclusion_manager", team = "north" },
  },
}

local function allocated()
  local c = open_case { workflow = "families_in_focus", as = "asw", state = "locality_meeting_listed",
    data = { referrer = "Area social worker", locality = "north", reason = "Step-down",
             consent = true, multi_agency_evidence = true, request_type = "fif_support",
             already_open_to = "Area social work (North)" },
    members = {
      { id = "ivy", name = "Ivy", role = "child", dob = "2017-07-07" },
      { id = "jo", name = "Jo", role = "parent", dob = "1987-01-01" },
    } }
  act(c, "lm_allocate_fsw", { as = "lm", input = { fsw = user_id "fsw" } })
  return c
end
local note = {
  reason_for_contact = "Visit", detailed_notes = "Notes", purpose = "Review", seen_and_spoken_to = "Jo, Ivy",
}

local e1 = allocated()

-- Wednesday 25 March (GMT) + 7 days = Wednesday 1 April, in BST
at "2026-03-25T10:00:00Z"
act(e1, "log_contact", { as = "fsw", input = { contact = "home_visit" } })
expect_timescale(e1, "TM_B2_case_note_7_days", { member = "ivy", status = "pending", due = "2026-04-01T22:59:59Z" },
  "L186: 7 days runs into British Summer Time")
at "2026-03-27T10:00:00Z"
add_record(e1, "case_note", { as = "fsw", fields = note })

-- Monday 30 March + 7 days = Easter Monday 6 April: a bank holiday, not moved
at "2026-03-30T10:00:00Z"
act(e1, "log_contact", { as = "fsw", input = { contact = "session" } })
expect_timescale(e1, "TM_B2_case_note_7_days", { member = "ivy", status = "pending", due = "2026-04-06T22:59:59Z" },
  "L186: 7 calendar days, Good Friday and Easter Monday included")

-- Weapons in School contact on Maundy Thursday 15:00 BST: 48 hours = Saturday 15:00 BST
at "2026-04-02T14:00:00Z"
local w = open_case { workflow = "weapons_drugs_school", as = "eim",
  data = { kind = "weapon", intent_to_harm_or_deal = false, school = "Bristol Brunel Academy", locality = "north" },
  members = { { id = "kai", name = "Kai", role = "child", dob = "2012-12-12" } } }
expect_timescale(w, "TM_B7_eim_assessment_48h", { status = "pending", due = "2026-04-04T14:00:00Z" },
  "L394: 48 hours exactly, Good Friday included")
at "2026-04-04T15:00:00Z"
expect_timescale(w, "TM_B7_eim_assessment_48h", { status = "breached", due = "2026-04-04T14:00:00Z" },
  "L394: no assessment within 48 hours over Easter")

-- Easter Monday 21:00 BST (20:00Z) is still before 23:59:59 local: met
at "2026-04-06T20:00:00Z"
add_record(e1, "case_note", { as = "fsw", fields = note })
expect_timescale(e1, "TM_B2_case_note_7_days", { member = "ivy", occurrence = 2, status = "met", due = "2026-04-06" },
  "L186: recorded on Easter Monday evening, within 7 days")

-- Christmas 2026 ------------------------------------------------------------------------
at "2026-12-14T09:00:00Z"
local h2 = allocated()
local h3 = allocated()

-- listed Friday 18 December: the weekly meeting's week ends on Christmas Day
at "2026-12-18T10:00:00Z"
local h1 = open_case { workflow = "families_in_focus", as = "asw", state = "locality_meeting_listed",
  data = { referrer = "Area social worker", locality = "north", reason = "Step-down",
           consent = true, multi_agency_evidence = true, request_type = "fif_support" },
  members = { { id = "lu", name = "Lu", role = "child", dob = "2016-06-06" } } }
expect_timescale(h1, "TM_B15_locality_meeting_1_week", { status = "pending", due = "2026-12-25T23:59:59Z" },
  "L45: one week, due on Christmas Day (a bank holiday is not skipped)")

-- Tuesday 22 December + 7 days = Tuesday 29 December (25th and 28th not skipped)
at "2026-12-22T10:00:00Z"
act(h2, "log_contact", { as = "fsw", input = { contact = "home_visit" } })
expect_timescale(h2, "TM_B2_case_note_7_days", { member = "ivy", status = "pending", due = "2026-12-29" },
  "L186: 7 calendar days over Christmas")

-- Christmas Eve 16:00: record due Christmas Day 16:00
at "2026-12-24T16:00:00Z"
act(h3, "log_significant_event", { as = "fsw", input = { event = "Jo arrested", occurred_on = "2026-12-24" } })
expect_timescale(h3, "TM_B3_significant_event_24h", { status = "pending", due = "2026-12-25T16:00:00Z" },
  "L186: 24 hours, Christmas Day included")
at "2026-12-25T11:00:00Z"
add_record(h3, "case_note", { as = "fsw", fields = note })
expect_timescale(h3, "TM_B3_significant_event_24h", { status = "met" }, "L186: recorded within 24 hours")

at "2026-12-29T09:00:00Z"
expect_timescale(h1, "TM_B15_locality_meeting_1_week", { status = "breached", due = "2026-12-25" },
  "L45: not decided in the Christmas week")
at "2026-12-30T09:00:00Z"
expect_timescale(h2, "TM_B2_case_note_7_days", { member = "ivy", status = "breached", due = "2026-12-29T23:59:59Z" },
  "L186: due 29 December, not extended by the bank holidays")
