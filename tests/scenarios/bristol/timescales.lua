-- tests/scenarios/bristol/timescales.lua: the Families in Focus episode's
-- clocks met and breached: TM-B15 (Locality Meeting within a week, L45),
-- TM-B2 (case note within 7 days, per child, L186/L188), TM-B3 (24 hours
-- after a significant event, L186), TM-B4 (keyworker up to 12 months, L120)
-- and TM-B5 (FSW up to 6 months, L121). Statutory assessment (TM-B1) is in
-- statutory_assessment.lua.
-- Due dates by hand (DESIGN §3): days/weeks/months due 23:59:59 London time on
-- the last day (GMT "T23:59:59Z", BST "T22:59:59Z"); hours exact.
scenario "Bristol: FiF episode timescales met and breached" {
  authority = "bristol",
  start = "2026-01-05T09:00:00Z",
  users = {
    asw = "area_social_worker",
    lm = { "locality_meeting", team = "north" },
    kw = { "keyworker", team = "north" },
    kw2 = { "keyworker", team = "south" },
    fsw = { "fsw", team = "north" },
  },
}

local function family()
  return {
    { id = "amy", name = "Amy", role = "child", dob = "2012-05-01" },
    { id = "ben", name = "Ben", role = "child", dob = "2016-09-09" },
    { id = "pat", name = "Pat", role = "parent", dob = "1984-02-02" },
  }
end
local function listed()
  -- L32, L55: already open to area social work, referred through the Locality Meeting
  return open_case { workflow = "families_in_focus", as = "asw", state = "locality_meeting_listed",
    data = { referrer = "Area social worker", locality = "north", reason = "Step-down from CIN",
             consent = true, multi_agency_evidence = true, request_type = "fif_support",
             already_open_to = "Area social work (North)" },
    members = family() }
end
local edge = { multiple_competing_stressors = true, risk_of_care_or_criminality = true }

local t1, t2, t3 = listed(), listed(), listed()
expect_timescale(t1, "TM_B15_locality_meeting_1_week", { status = "pending", due = "2026-01-12" },
  "L45: listed Monday 5 January, next weekly meeting by 12 January")

at "2026-01-07T10:00:00Z"
act(t2, "lm_allocate_keyworker", { as = "lm", input = { keyworker = user_id "kw2",
  multiple_competing_stressors = true, risk_of_care_or_criminality = true } })
expect_timescale(t2, "TM_B4_keyworker_12_months", { status = "pending", due = "2027-01-07" },
  "L120: keyworkers work with a family for up to 12 months")
act(t3, "lm_allocate_fsw", { as = "lm", input = { fsw = user_id "fsw" } })
-- 7 January + 6 months = 7 July, British Summer Time
expect_timescale(t3, "TM_B5_fsw_6_months", { status = "pending", due = "2026-07-07T22:59:59Z" },
  "L121: FSWs work with a family for up to 6 months")

-- TM-B15 breached: t1 not decided by 12 January
at "2026-01-13T09:00:00Z"
expect_timescale(t1, "TM_B15_locality_meeting_1_week", { status = "breached", due = "2026-01-12T23:59:59Z" },
  "L45: the listed case missed the weekly meeting")
at "2026-01-14T10:00:00Z"
act(t1, "lm_allocate_keyworker", { as = "lm", input = { keyworker = user_id "kw",
  multiple_competing_stressors = edge.multiple_competing_stressors,
  risk_of_care_or_criminality = edge.risk_of_care_or_criminality } })
expect_timescale(t1, "TM_B15_locality_meeting_1_week", { status = "met_late" },
  "L45: decided a week late")
expect_timescale(t1, "TM_B4_keyworker_12_months", { status = "pending", due = "2027-01-14T23:59:59Z" },
  "L120: up to 12 months from allocation")

-- TM-B2 per child: a note against Amy only (L188)
at "2026-01-15T10:00:00Z"
act(t1, "log_contact", { as = "kw", input = { contact = "home_visit" } })
expect_timescale(t1, "TM_B2_case_note_7_days", { member = "amy", status = "pending", due = "2026-01-22" },
  "L186: Amy's case note within 7 days")
expect_timescale(t1, "TM_B2_case_note_7_days", { member = "ben", status = "pending", due = "2026-01-22" },
  "L186: Ben's case note within 7 days")
at "2026-01-20T10:00:00Z"
add_record(t1, "case_note", { as = "kw", fields = {
  member = "amy", adult = "pat", reason_for_contact = "Home visit: Amy",
  detailed_notes = "Amy spoken to alone", purpose = "Amy's wishes", seen_and_spoken_to = "Amy, Pat" } })
expect_timescale(t1, "TM_B2_case_note_7_days", { member = "amy", occurrence = 1, status = "met" },
  "L188: the note is recorded against Amy")
expect_timescale(t1, "TM_B2_case_note_7_days", { member = "ben", occurrence = 1, status = "pending" },
  "L188: a note against Amy is not a note against Ben")
at "2026-01-23T09:00:00Z"
expect_timescale(t1, "TM_B2_case_note_7_days", { member = "ben", occurrence = 1, status = "breached",
  due = "2026-01-22T23:59:59Z" }, "L186: no note against Ben within 7 days")

-- second contact: Ben's note on time, Amy's late
at "2026-01-26T10:00:00Z"
act(t1, "log_contact", { as = "kw", input = { contact = "session" } })
expect_timescale(t1, "TM_B2_case_note_7_days", { member = "amy", occurrence = 2, status = "pending", due = "2026-02-02" },
  "L186: Amy's note for the second contact within 7 days")
at "2026-01-27T10:00:00Z"
add_record(t1, "case_note", { as = "kw", fields = {
  member = "ben", reason_for_contact = "Session: Ben", detailed_notes = "Ben's worries",
  purpose = "Ben's voice", seen_and_spoken_to = "Ben" } })
expect_timescale(t1, "TM_B2_case_note_7_days", { member = "ben", occurrence = 2, status = "met" },
  "L188: recorded against Ben on time")
expect_timescale(t1, "TM_B2_case_note_7_days", { member = "ben", occurrence = 1, status = "met_late" },
  "L186: Ben's first note completed late")
at "2026-02-03T09:00:00Z"
expect_timescale(t1, "TM_B2_case_note_7_days", { member = "amy", occurrence = 2, status = "breached",
  due = "2026-02-02T23:59:59Z" }, "L186: no note against Amy within 7 days")

-- TM-B3: significant event at 15:30, record due 15:30 next day
at "2026-02-05T15:30:00Z"
act(t1, "log_significant_event", { as = "kw", input = { event = "Police called to the home", occurred_on = "2026-02-05" } })
expect_timescale(t1, "TM_B3_significant_event_24h", { status = "pending", due = "2026-02-06T15:30:00Z" },
  "L186: case record within 24 hours of a significant event")
at "2026-02-06T16:00:00Z"
expect_timescale(t1, "TM_B3_significant_event_24h", { status = "breached", due = "2026-02-06T15:30:00Z" },
  "L186: not recorded within 24 hours")
at "2026-02-06T17:00:00Z"
add_record(t1, "case_note", { as = "kw", fields = {
  reason_for_contact = "Significant event: police attendance", detailed_notes = "Incident details",
  purpose = "Record the incident", seen_and_spoken_to = "Pat, Amy, Ben" } })
expect_timescale(t1, "TM_B3_significant_event_24h", { status = "met_late" }, "L186: recorded late")
expect_timescale(t1, "TM_B2_case_note_7_days", { member = "amy", occurrence = 2, status = "met_late" },
  "L188: a note against every child covers Amy (late)")

-- t2: the keyworker's intervention ends within 12 months (TM-B4 met)
add_record(t2, "genogram", { as = "kw2", fields = { resident_members = "Pat, Amy, Ben", non_resident_members = "Father" } })
add_record(t2, "information_form", { as = "kw2", fields = { status = "refused", informed_on = "2026-02-06" } })
act(t2, "saf_completed", { as = "kw2", input = {
  childs_voice = "Amy and Ben's words", family_members_included = true, children_seen_and_spoken_to = true,
  support_network = "Uncle", network_contributed = true, analysis = "High need: edge of care",
  next_steps = "Safety plan" } })

-- t3: the FSW's 6 months pass (TM-B5 breached, advisory)
at "2026-07-08T09:00:00Z"
expect_timescale(t3, "TM_B5_fsw_6_months", { status = "breached", due = "2026-07-07T22:59:59Z" },
  "L121: FSW support beyond 6 months (at times required: advisory)")
expect_state(t3, "fif_lp_assessment", "L121: no automatic closure")

at "2026-11-30T10:00:00Z"
act(t2, "begin_closure", { as = "kw2", input = { sustainable_plan = "Family network plan" } })
expect_timescale(t2, "TM_B4_keyworker_12_months", { status = "met" },
  "L120: keyworker intervention ended within 12 months")

-- t1: still open after 12 months (TM-B4 breached)
at "2027-01-15T09:00:00Z"
expect_timescale(t1, "TM_B4_keyworker_12_months", { status = "breached", due = "2027-01-14" },
  "L120: keyworker intervention beyond 12 months")
expect_state(t1, "fif_lp_assessment", "spec §8.4: a breach alerts, it does not close the case")
