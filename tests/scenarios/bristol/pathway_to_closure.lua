-- tests/scenarios/bristol/pathway_to_closure.lua: a First Response form
-- through the weekly Locality Meeting, a Family Support Worker as lead
-- professional (SAF, TAF review, case notes, a significant event) to a closed
-- case with its closure record (L32-L190).
-- Due dates by hand (DESIGN §3): days/weeks/months are due 23:59:59 London
-- time on the last day (GMT in winter: "...T23:59:59Z"; BST: "...T22:59:59Z");
-- hours are exact.
scenario "Bristol: First Response to closure with an FSW lead professional" {
  authority = "bristol",
  start = "2026-01-05T09:00:00Z",
  users = {
    ref = "referrer",
    fr = "first_response",
    lm = { "locality_meeting", team = "north" },
    fsw = { "fsw", team = "north" },
  },
}

local c = open_case {
  workflow = "families_in_focus", as = "ref",
  data = {
    referrer = "Primary school DSL", locality = "north",
    reason = "Attendance, parental mental health and housing arrears",
    consent = true, multi_agency_evidence = true,
  },
  members = {
    { id = "amy", name = "Amy", role = "child", dob = "2015-03-01" },
    { id = "ben", name = "Ben", role = "child", dob = "2019-06-10" },
    { id = "pat", name = "Pat", role = "parent", dob = "1985-07-12" },
  },
}
expect_state(c, "fr_submitted", "L32: access is through the First Response online form")

-- First Response triage (L41) -> Locality Meeting (spec §8.2)
at "2026-01-05T11:00:00Z"
act(c, "fr_accept", { as = "fr", input = { threshold_met = true } })
expect_state(c, "locality_meeting_listed", "L41, L48: accepted forms are considered at the Locality Meeting")
expect_data(c, "request_type", "fif_support", "L48: a referral for Families in Focus support")
-- listed Monday 5 January: decided within a week, by Monday 12 January
expect_timescale(c, "TM_B15_locality_meeting_1_week", { status = "pending", due = "2026-01-12" },
  "L45: the weekly Locality Meeting decides within a week")

-- The Locality Meeting allocates an FSW as lead professional (L62)
at "2026-01-08T10:00:00Z"
act(c, "lm_allocate_fsw", { as = "lm", input = { fsw = user_id "fsw" } })
expect_state(c, "fif_lp_assessment", "L62: FiF worker acts as lead professional")
expect_assigned(c, "fsw", "L112: Family Support Workers act as lead professionals")
expect_timescale(c, "TM_B15_locality_meeting_1_week", { status = "met" }, "L45: decided at the meeting")
-- allocated 8 January: up to 6 months, 8 July (BST)
expect_timescale(c, "TM_B5_fsw_6_months", { status = "pending", due = "2026-07-08T22:59:59Z" },
  "L121: FSWs work with families for up to 6 months")

add_record(c, "information_form", { as = "fsw", fields = { status = "signed", informed_on = "2026-01-08" } })
add_record(c, "genogram", { as = "fsw", fields = {
  resident_members = "Pat, Amy, Ben", non_resident_members = "Amy and Ben's father (Leeds)" } })
add_record(c, "case_summary", { as = "fsw", fields = {
  reason_for_involvement = "Attendance and parental mental health", current_picture = "Engaging" } })

at "2026-01-09T10:00:00Z"
act(c, "saf_completed", { as = "fsw", input = {
  childs_voice = "Amy says mornings are hard", family_members_included = true,
  children_seen_and_spoken_to = true, support_network = "Grandmother, school nurse",
  network_contributed = true, analysis = "Moderate need", next_steps = "Morning routine plan" } })
expect_state(c, "fif_lp_plan_active", "L124: SAF complete; Next Steps is the initial plan")
expect_records(c, "single_assessment", 1, "L124: the Single Assessment is recorded")

-- A home visit on Monday 12 January: a note for every child within 7 days (19 January)
at "2026-01-12T10:00:00Z"
act(c, "log_contact", { as = "fsw", input = { contact = "home_visit" } })
expect_timescale(c, "TM_B2_case_note_7_days", { member = "amy", status = "pending", due = "2026-01-19" },
  "L186: case note within 7 days (Amy)")
expect_timescale(c, "TM_B2_case_note_7_days", { member = "ben", status = "pending", due = "2026-01-19T23:59:59Z" },
  "L186: case note within 7 days (Ben)")

at "2026-01-14T10:00:00Z"
add_record(c, "case_note", { as = "fsw", fields = {
  adult = "pat", reason_for_contact = "Home visit: morning routine",
  detailed_notes = "Saw Pat, Amy and Ben at home", purpose = "Review the morning routine",
  seen_and_spoken_to = "Pat, Amy, Ben" } })
expect_timescale(c, "TM_B2_case_note_7_days", { member = "amy", status = "met" },
  "L188: recorded against every child in the episode (Amy)")
expect_timescale(c, "TM_B2_case_note_7_days", { member = "ben", status = "met" },
  "L188: recorded against every child in the episode (Ben)")

-- TAF review (L126) and a significant event (L186: record within 24 hours)
at "2026-01-20T10:00:00Z"
act(c, "taf_review_held", { as = "fsw", input = { meeting = "taf", tasks_agreed = "School to provide breakfast club" } })
expect_records(c, "taf_review", 1, "L126: review through Team Around the Family")
at "2026-01-20T12:00:00Z"
act(c, "log_significant_event", { as = "fsw", input = { event = "Pat admitted to hospital", occurred_on = "2026-01-20" } })
expect_records(c, "chronology_entry", 1, "L177: significant events are added to the chronology")
expect_timescale(c, "TM_B3_significant_event_24h", { status = "pending", due = "2026-01-21T12:00:00Z" },
  "L186: case record within 24 hours of a significant event")
at "2026-01-21T09:00:00Z"
add_record(c, "case_note", { as = "fsw", fields = {
  reason_for_contact = "Significant event: parent in hospital",
  detailed_notes = "Grandmother caring for Amy and Ben", purpose = "Safety plan",
  seen_and_spoken_to = "Grandmother, Amy, Ben" } })
expect_timescale(c, "TM_B3_significant_event_24h", { status = "met" }, "L186: recorded within 24 hours")

-- L179: case summary reviewed after the TAF review and after the significant event
act(c, "review_case_summary", { as = "fsw", input = {
  reason_for_involvement = "Attendance and parental mental health", current_picture = "After TAF review" } })
act(c, "review_case_summary", { as = "fsw", input = {
  reason_for_involvement = "Attendance and parental mental health", current_picture = "Pat in hospital" } })
expect_records(c, "case_summary", 3, "L179: reviewed after each TAF review and significant event")

-- Sustainable plan (L131) and closure (L190)
at "2026-03-02T10:00:00Z"
act(c, "begin_closure", { as = "fsw", input = { sustainable_plan = "School and grandmother continue the routine" } })
expect_state(c, "closing", "L131: a sustainable plan so the family's future after FiF is clear")
expect_timescale(c, "TM_B5_fsw_6_months", { status = "met" }, "L121: FSW intervention ended within 6 months")
add_record(c, "closure_record", { as = "fsw", fields = {
  reason_for_referral = "Attendance and parental mental health",
  work_completed = "Morning routine, breakfast club", work_not_completed = "Housing arrears referral",
  reason_for_closure = "goals_achieved", service_user_feedback = "Pat: the visits helped",
  outstanding_actions_or_risks = "Arrears", safety_or_exit_plan = "Grandmother and school",
  feedback_questionnaire_attached = true } })
act(c, "close_case", { as = "fsw" })
expect_state(c, "closed", "L190: closed with a closure record")
expect_records(c, "closure_record", 1, "L190: the closure record First Response reads on re-referral")
refuse(c, "log_contact", { as = "fsw", input = { contact = "phone" } }, "case_closed",
  "L190: nothing is recorded on a closed case")
