-- tests/regress/workflows/regress/extend_order.lua: pins the order of checks
-- for the built-in extend_timescale action. docs/authoring.md ("Order of
-- checks when an action is taken") puts the caller's role first (403
-- wrong_role), then the case's state, then the input (422 invalid_input);
-- DESIGN.md §6's HTTP contract gives 403 for role, 409 for not allowed now,
-- 422 for bad input. So a caller without an extending role is refused
-- wrong_role whatever the input holds. Scenario:
-- tests/regress/scenarios/extend_order.lua.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "extend_order" {
  title = "Regression: extend_timescale checks role first",
  document = "engine regression fixture (no real document)",
  initial = "open",
  opened_by = { "team_manager" },
}

state "open" { line = 1 }
state "done" { line = 2, terminal = true }

timescale "assessment" {
  line = 3, what = "Assessment within 20 working days",
  within = working_days(20), from = "open", satisfied_by = "assess",
  extendable = { by = { "team_manager" }, cap = working_days(30), line = 4 },
}

action "assess" { line = 5, from = "open", by = { "team_manager", "key_worker" } }
action "close" { line = 6, from = "open", by = "team_manager", to = "done" }
