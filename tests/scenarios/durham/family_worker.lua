-- Durham: the IFST Family Worker sub-process (L515-571), a linked case
-- spawned by the Key Worker's request: SKW allocation within 3 working days,
-- KW-FW planning meeting within 2 and joint home visit within 5 working days
-- of allocation (met, then breached), and the Family Worker caseload guard.
-- Winter dates: 23:59:59Z.
scenario "Durham: Family Worker sub-process" {
  authority = "durham",
  start = "2026-01-05T09:00:00Z",   -- Monday
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    skw = { "senior_key_worker", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
    fw = { "family_worker", team = "ifst" },
    fw2 = { "family_worker", team = "ifst" },
  },
}

local function ifst_case(name, members)
  local id = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
    data = { family_name = name, requester = "professional", reason = "complex" }, members = members }
  add_record(id, "mo_case_note", { as = "sehtw", fields = { note = "IFST" } })
  act(id, "triage_allocate_ifst", { as = "ehtw", input = { complex_needs = true } })
  add_record(id, "timeline", { as = "tm", fields = { initial_case_summary = "x" } })
  act(id, "allocate_key_worker", { as = "tm", input = { key_worker = user_id "kw", expected_assessment_working_days = 28,
    discussion_and_actions = "FW support likely", caseload_override_reason = "agreed by TM" } })
  add_record(id, "initial_checks", { as = "kw", fields = { pvp_register_checked = true, rapid_completed = true } })
  act(id, "record_consent", { as = "kw" })
  return id
end

local c = ifst_case("Ellis", { { id = "kim", name = "Kim", role = "child", dob = "2017-01-01" } })
refuse(c, "request_family_worker", { as = "fw", at = "2026-01-06T09:00:00Z", input = { work_requested = "x" } }, "wrong_role",
  "L524: requested by the Key Worker with the Senior Key Worker")
act(c, "request_family_worker", { as = "kw", at = "2026-01-06T10:00:00Z", input = { work_requested = "Routines and school runs" } })
local w = linked(c, "family_worker")
expect_state(w, "fw_requested", "L524: request to the SKW using the Timeline")
-- Tue 6 Jan + 3 working days = Fri 9 Jan.
expect_timescale(w, "T08_fw_allocation_3wd", { status = "pending", due = "2026-01-09" }, "L539: allocate within 3 working days from receipt of request")
refuse(w, "allocate_family_worker", { as = "kw", at = "2026-01-07T10:00:00Z", input = {
  family_worker = user_id "fw", mo_note = "FW allocated", timeline_shared = true, review_by = "2026-03-06" } },
  "wrong_role", "L517: Family Workers will be allocated work by the Senior Key Workers")
refuse(w, "allocate_family_worker", { as = "skw", at = "2026-01-07T10:30:00Z", input = {
  family_worker = user_id "fw", mo_note = "FW allocated", timeline_shared = false, review_by = "2026-03-06" } },
  "guard_failed", "L541: share the Family Timeline with the allocated Family Worker")
refuse(w, "allocate_family_worker", { as = "skw", at = "2026-01-07T10:45:00Z", input = {
  family_worker = user_id "fw", mo_note = "FW allocated", timeline_shared = true } },
  "invalid_input", "L517: all work must have an identified timeline for review/completion")
act(w, "allocate_family_worker", { as = "skw", at = "2026-01-08T10:00:00Z", input = {
  family_worker = user_id "fw", mo_note = "Family Worker allocated", timeline_shared = true, review_by = "2026-03-06" } })
expect_state(w, "fw_allocated", "L547: MO case note 'Family Worker allocated'")
expect_assigned(w, "fw", "L517")
expect_timescale(w, "T08_fw_allocation_3wd", { status = "met" }, "L539")
-- Thu 8 Jan + 2 working days = Mon 12 Jan; + 5 = Thu 15 Jan.
expect_timescale(w, "T09_kw_fw_meeting_2wd", { status = "pending", due = "2026-01-12" }, "L553: within two working days following allocation")
expect_timescale(w, "T10_joint_home_visit_5wd", { status = "pending", due = "2026-01-15" }, "L563: within five working days")
refuse(w, "agree_division_of_work", { as = "kw", at = "2026-01-08T11:00:00Z", input = { division_of_work = "x" } }, "guard_failed",
  "L553: the KW and FW first meet to discuss the plan of work")
act(w, "kw_fw_planning_meeting", { as = "kw", at = "2026-01-09T10:00:00Z", input = { plan_of_work = "FW: mornings; KW: TAF" } })
expect_timescale(w, "T09_kw_fw_meeting_2wd", { status = "met" }, "L553")
act(w, "fw_joint_home_visit", { as = "kw", at = "2026-01-14T10:00:00Z", input = { visited_on = "2026-01-14" } })
expect_timescale(w, "T10_joint_home_visit_5wd", { status = "met" }, "L563")
act(w, "agree_division_of_work", { as = "kw", at = "2026-01-14T12:00:00Z", input = { division_of_work = "Reflected in the Family Plan" } })
expect_state(w, "fw_working", "L567: agreed and reflected in the Family Plan")
add_record(w, "fw_direct_work", { as = "fw", at = "2026-01-15T10:00:00Z", fields = { summary = "Morning routine chart", evidence_sent_to_store = true } })
refuse(w, "review_fw_progress", { as = "kw", at = "2026-01-15T11:00:00Z", input = { progress = "x" } }, "wrong_role",
  "L528: Senior Key Workers review progress in case management discussion")

-- A second request, handled late.
act(c, "request_family_worker", { as = "skw", at = "2026-01-15T12:00:00Z", input = { work_requested = "Budgeting" } })
local w2 = linked(c, "family_worker")
-- Thu 15 Jan + 3 working days = Tue 20 Jan.
at "2026-01-21T09:00:00Z"
expect_timescale(w2, "T08_fw_allocation_3wd", { status = "breached", due = "2026-01-20" }, "L539: not allocated within 3 working days")
act(w2, "allocate_family_worker", { as = "skw", at = "2026-01-21T10:00:00Z", input = {
  family_worker = user_id "fw2", mo_note = "Family Worker allocated", timeline_shared = true, review_by = "2026-03-13" } })
expect_timescale(w2, "T08_fw_allocation_3wd", { status = "met_late" }, "L539")
-- Wed 21 Jan + 2 working days = Fri 23 Jan; + 5 = Wed 28 Jan.
at "2026-01-29T09:00:00Z"
expect_timescale(w2, "T09_kw_fw_meeting_2wd", { status = "breached", due = "2026-01-23" }, "L553: no KW-FW meeting within two working days")
expect_timescale(w2, "T10_joint_home_visit_5wd", { status = "breached", due = "2026-01-28" }, "L563: no joint visit within five working days")
act(w2, "kw_fw_planning_meeting", { as = "kw", at = "2026-01-29T10:00:00Z", input = { plan_of_work = "Budget plan" } })
act(w2, "fw_joint_home_visit", { as = "fw2", at = "2026-01-30T10:00:00Z", input = { visited_on = "2026-01-30" } })
expect_timescale(w2, "T09_kw_fw_meeting_2wd", { status = "met_late" }, "L553")
expect_timescale(w2, "T10_joint_home_visit_5wd", { status = "met_late" }, "L563")
act(w2, "agree_division_of_work", { as = "kw", at = "2026-01-30T11:00:00Z", input = { division_of_work = "FW budgeting sessions" } })
act(w2, "review_fw_progress", { as = "skw", at = "2026-02-10T10:00:00Z", input = { progress = "Budget in place" } })
act(w2, "end_family_worker_support", { as = "skw", at = "2026-02-11T10:00:00Z", input = { reason = "Work complete" } })
expect_state(w2, "fw_ended", "L517: work completed on its review timeline")

-- A family of 26 children: the Family Worker's caseload of approximately 25.
local many = {}
for i = 1, 26 do many[i] = { id = "m" .. i, name = "Child " .. i, role = "child", dob = "2013-05-05" } end
local big = ifst_case("Large", many)
act(big, "request_family_worker", { as = "kw", at = "2026-02-11T11:00:00Z", input = { work_requested = "Whole family" } })
local w3 = linked(big, "family_worker")
refuse(w3, "allocate_family_worker", { as = "skw", at = "2026-02-11T12:00:00Z", input = {
  family_worker = user_id "fw2", mo_note = "x", timeline_shared = true, review_by = "2026-04-01" } },
  "guard_failed", "L529: Family Workers have a caseload of approximately 25 children")
act(w3, "fw_not_allocated", { as = "skw", at = "2026-02-11T13:00:00Z", input = { reason = "Two Family Workers to share; re-request" } })
expect_state(w3, "fw_ended", "L517 [INF]")
