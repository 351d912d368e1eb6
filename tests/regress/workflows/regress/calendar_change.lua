-- tests/regress/workflows/regress/calendar_change.lua: pins that a due date
-- keeps the calendar it was computed with. DESIGN.md §3: "every due date
-- stores its derivation (anchor event, rule, definition version, calendar)";
-- §4: replay folds the stored events and "must reproduce the stored
-- projection exactly". tests/regress.t runs
-- tests/regress/scenarios/calendar_change.lua into a database, adds a
-- closure day inside the working-day window to the authority's calendar,
-- and `casework verify` must still pass: the recorded events, not today's
-- calendar, decide the replayed due dates and breaches.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "calendar_change" {
  title = "Regression: replay after a calendar change",
  document = "engine regression fixture (no real document)",
  initial = "received",
  opened_by = { "triage_officer" },
}

state "received" { line = 1 }
state "awaiting_allocation" { line = 2 }
state "allocated" { line = 3 }
state "closed" { line = 4, terminal = true }

timescale "allocation" {
  line = 5, what = "Allocate within 3 working days",
  within = working_days(3), from = "accept", satisfied_by = "allocate",
  on_breach = { effect = function(case) case.data.allocation_late = true end },
}
timescale "follow_up" {
  line = 6, what = "Follow up within 10 working days",
  within = working_days(10), from = "accept", satisfied_by = "close",
}

action "accept" { line = 7, from = "received", by = "triage_officer", to = "awaiting_allocation" }
action "allocate" { line = 8, from = "awaiting_allocation", by = "team_manager", to = "allocated" }
action "close" { line = 9, from = { "awaiting_allocation", "allocated" }, by = "team_manager", to = "closed" }
