-- tests/regress/workflows/regress/breach_error.lua: pins that a breach is
-- recorded even when the workflow's reaction to it fails. DESIGN.md §3: a
-- breach "is an event: it is recorded, and the workflow may react to it";
-- §5: "every due timescale is processed (each in its own transaction)". The
-- on_breach effect below raises (integer division by zero) when data.n is 0:
-- the clock must still become breached, and the failure must not stop the
-- timer loop -- later timers, on this case and on others, still fire.
-- Scenario: tests/regress/scenarios/breach_error.lua.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "breach_error" {
  title = "Regression: an on_breach effect that raises",
  document = "engine regression fixture (no real document)",
  initial = "open",
  opened_by = { "team_manager" },
  data = { n = integer { required = true } },
}

state "open" { line = 1 }
state "done" { line = 2, terminal = true }

timescale "first" {
  line = 3, what = "Finish within 1 day",
  within = days(1), from = "open", satisfied_by = "finish",
  on_breach = { effect = function(case) case.data.late = 10 // case.data.n end },
}
timescale "second" {
  line = 4, what = "Finish within 3 days",
  within = days(3), from = "open", satisfied_by = "finish",
}

action "finish" { line = 5, from = "open", by = "team_manager", to = "done" }
