-- tests/regress/workflows/regress/applies_rearm.lua: pins that a per-member
-- `applies` filter is evaluated again, on the new anchor date, each time a
-- recurring clock re-arms (docs/authoring.md, "Timescales": `on` is the
-- anchor date; DESIGN.md §3: recurring timescales "re-arm from the
-- satisfying event"). A child who has turned one since the last visit gets
-- no new under-one clock. Scenario: tests/regress/scenarios/applies_rearm.lua.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "applies_rearm" {
  title = "Regression: applies on re-arm",
  document = "engine regression fixture (no real document)",
  initial = "open",
  opened_by = { "team_manager" },
}

state "open" { line = 1 }
state "allocated" { line = 2 }
state "done" { line = 3, terminal = true }

record "case_note" {
  line = 4,
  fields = { summary = text { required = true }, member = member {} },
}

timescale "baby_seen" {
  line = 5, what = "Each child under one seen every 10 working days",
  every = working_days(10), per = "child", from = "allocate",
  applies = function(member, on) return age_years(member.dob, on) < 1 end,
  satisfied_by = "record:case_note",
}
timescale "child_seen" {
  line = 6, what = "Each child seen every 20 working days",
  every = working_days(20), per = "child", from = "allocate",
  satisfied_by = "record:case_note",
}

action "allocate" { line = 7, from = "open", by = "team_manager", to = "allocated" }
action "close" { line = 8, from = "allocated", by = "team_manager", to = "done" }
