-- tests/regress/workflows/regress/due_boundary.lua: pins the due instant's
-- boundary (DESIGN.md §3, "Timescales (the contract)"): a timescale is met
-- when satisfied "on or before due" -- so an event at exactly the due instant
-- is met, not met_late -- and breached only "once the clock passes due", so
-- no breach fires while the clock stands on the due instant itself. One
-- hours clock (due exactly N hours later) and one days clock (due 23:59:59
-- local) cover both kinds of due instant. Scenario:
-- tests/regress/scenarios/due_boundary.lua.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "due_boundary" {
  title = "Regression: satisfied at the due instant",
  document = "engine regression fixture (no real document)",
  initial = "open",
  opened_by = { "team_manager" },
}

state "open" { line = 1 }
state "done" { line = 2, terminal = true }

timescale "hours_rule" {
  line = 3, what = "Answer within 24 hours",
  within = hours(24), from = "open", satisfied_by = "answer",
}
timescale "days_rule" {
  line = 4, what = "Answer within 1 day",
  within = days(1), from = "open", satisfied_by = "answer",
}

action "answer" { line = 5, from = "open", by = "team_manager" }
action "close" { line = 6, from = "open", by = "team_manager", to = "done" }
