-- tests/reference/scenarios/reference.lua: drives every feature of the
-- reference workflow. Lines cited are the imaginary procedure's.
scenario "reference: referral to closure with every feature" {
  authority = "testshire",
  start = "2026-03-30T09:00:00Z",   -- Monday, British Summer Time
  users = {
    tri = "triage_officer",
    mgr = { "team_manager", team = "north" },
    kw = { "key_worker", team = "north" },
    kw2 = { "key_worker", team = "south" },
  },
}

local c = open_case {
  workflow = "referral", as = "tri",
  data = { referrer = "school", consent = true, urgency = "routine" },
  members = {
    { id = "amy", name = "Amy", role = "child", dob = "2015-03-01" },
    { id = "bo", name = "Bo", role = "child", dob = "2025-11-01" },
    { id = "pat", name = "Pat", role = "parent", dob = "1985-07-12" },
  },
}
expect_state(c, "received", "L10")
expect_timescale(c, "triage", { status = "pending", due = "2026-03-31T09:00:00Z" }, "L40: 24 hours")
refuse(c, "allocate", { as = "mgr", input = { key_worker = user_id "kw", rationale = "x" } }, "wrong_state", "L54")
refuse(c, "accept", { as = "kw" }, "wrong_role", "L50")
act(c, "accept", { as = "tri", at = "2026-03-30T10:00:00Z" })
expect_timescale(c, "triage", { status = "met" }, "L40")
-- 3 working days from Monday 30 March 2026 over Easter (Good Friday 3 April):
-- 31 Mar, 1 Apr, 2 Apr -> due Thursday 2 April 23:59:59 BST.
expect_timescale(c, "allocation", { status = "pending", due = "2026-04-02" }, "L41")
expect_timescale(c, "allocation_72h", { status = "pending", due = "2026-04-02T10:00:00Z" }, "L42")
-- 20 working days skips Good Friday and Easter Monday
expect_timescale(c, "assessment", { status = "pending", due = "2026-04-29" }, "L43")
refuse(c, "allocate", { as = "mgr", input = { rationale = "no worker" } }, "invalid_input", "L54: key_worker is required")
refuse(c, "allocate", { as = "mgr", input = { key_worker = "kw", rationale = "x" } }, "invalid_input", "L54: a user id")
at "2026-04-03T12:00:00Z"
expect_timescale(c, "allocation", { status = "breached" }, "L41")
expect_timescale(c, "allocation_72h", { status = "breached" }, "L42")
expect_data(c, "allocation_late", true, "L41: on_breach effect")
act(c, "allocate", { as = "mgr", input = { key_worker = user_id "kw", rationale = "skills" } })
expect_timescale(c, "allocation", { status = "met_late" }, "L41")
expect_assigned(c, "kw", "L54")
expect_records(c, "allocation_note", 1, "L30")
expect_timescale(c, "child_seen", { member = "amy", status = "pending", due = "2026-05-05" }, "L45")
expect_timescale(c, "baby_seen", { member = "bo", status = "pending" }, "L46")
expect_timescale(c, "baby_seen", { member = "amy", count = 0 }, "L46: only under ones")
expect_timescale(c, "review", { status = "pending", due = "2026-07-03" }, "L47: 3 months")
refuse(c, "start_assessment", { as = "kw2" }, "wrong_role", "L56: assigned worker only")
act(c, "start_assessment", { as = "kw" })
refuse(c, "submit_assessment", { as = "kw" }, "missing_record", "L57")
add_record(c, "assessment", { as = "kw", fields = { analysis = "strengths" } })
act(c, "submit_assessment", { as = "kw" })
extend(c, "assessment", { as = "mgr", ["until"] = "2026-05-08", reason = "family illness" })
expect_timescale(c, "assessment", { status = "pending", due = "2026-05-08" }, "L44: extended")
refuse(c, "extend_timescale", { as = "mgr", input = { timescale = "assessment", ["until"] = "2026-06-30", reason = "x" } }, "extension_over_cap", "L44: cap 30 working days")
refuse(c, "extend_timescale", { as = "kw", input = { timescale = "assessment", ["until"] = "2026-05-09", reason = "x" } }, "wrong_role", "L44")
act(c, "authorise_assessment", { as = "mgr" })
expect_state(c, "plan", "L58")
expect_timescale(c, "assessment", { status = "met" }, "L43")
add_record(c, "case_note", { as = "kw", at = "2026-04-20T10:00:00Z", fields = { summary = "saw amy", member = "amy" } })
expect_timescale(c, "child_seen", { member = "amy", occurrence = 1, status = "met" }, "L45")
expect_timescale(c, "child_seen", { member = "amy", occurrence = 2, status = "pending" }, "L45: re-armed")
expect_timescale(c, "child_seen", { member = "bo", status = "pending" }, "L45: other child unaffected")
at "2026-05-06T09:00:00Z"
expect_timescale(c, "child_seen", { member = "bo", status = "breached" }, "L45")
refuse(c, "review", { as = "kw", input = { held_on = "2026-13-01" } }, "invalid_input", "L59: date")
refuse(c, "review", { as = "kw", input = { held_on = "2026-05-06", score = 11 } }, "invalid_input", "L59: score 0..10")
act(c, "review", { as = "kw", input = { held_on = "2026-05-06", score = 6 } })
expect_timescale(c, "review", { occurrence = 1, status = "met" }, "L47")
expect_timescale(c, "review", { occurrence = 2, status = "pending", due = "2026-10-03" }, "L47: 6 months from allocation")
expect_data(c, "reviews", 1, "L59")
act(c, "raise_concern", { as = "kw", input = { worry = "bruise" } })
expect_state(c, "escalated", "L60")
act(c, "resume", { as = "mgr" })
expect_state(c, "plan", "L61: back where it was")
act(c, "raise_concern", { as = "kw", input = { worry = "again" } })
act(c, "step_up", { as = "mgr" })
expect_state(c, "closure_pending", "L62")
local s = linked(c, "support")
expect_state(s, "open", "L70: linked case opened")
expect_timescale(s, "first_contact", { status = "pending" }, "L72")
refuse(c, "close", { as = "mgr" }, "missing_record", "L64: closure summary")
add_record(c, "closure_summary", { as = "mgr", fields = { outcome = "goals_met" } })
act(c, "close", { as = "mgr" })
expect_state(c, "closed", "L64")
expect_timescale(c, "review", { occurrence = 2, status = "cancelled" }, "L47: cancelled on closure")
refuse(c, "review", { as = "kw", input = { held_on = "2026-05-07" } }, "case_closed", "L18")

-- An escalation left too long breaches and moves the case (on_breach to).
local d = open_case { workflow = "referral", as = "tri", data = { referrer = "gp", consent = true },
  members = { { name = "Cy", role = "child", dob = "2012-01-01" } } }
act(d, "accept", { as = "tri" })
act(d, "allocate", { as = "mgr", input = { key_worker = user_id "kw", rationale = "r" } })
act(d, "raise_concern", { as = "kw", input = { worry = "w" } })
at "2026-05-12T09:00:00Z"
expect_timescale(d, "escalation", { status = "breached" }, "L48")
expect_state(d, "closure_pending", "L48: on_breach moves it")

-- Guards: consent and caseload.
local e = open_case { workflow = "referral", as = "tri", data = { referrer = "gp", consent = false } }
refuse(e, "accept", { as = "tri" }, "guard_failed", "L51: consent")
local f = open_case { workflow = "referral", as = "tri", data = { referrer = "gp", consent = true },
  members = { { name = "A", role = "child", dob = "2014-01-01" }, { name = "B", role = "child", dob = "2016-01-01" },
              { name = "C", role = "child", dob = "2018-01-01" }, { name = "D", role = "child", dob = "2019-01-01" } } }
act(f, "accept", { as = "tri" })
refuse(f, "allocate", { as = "mgr", input = { key_worker = user_id "kw", rationale = "r" } }, "guard_failed", "L55: kw has 1 open child, 1 + 4 > limit 4")
act(f, "allocate", { as = "mgr", input = { key_worker = user_id "kw2", rationale = "r" } })
