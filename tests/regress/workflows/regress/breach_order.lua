-- tests/regress/workflows/regress/breach_order.lua: pins that breaches fire
-- one at a time in due order. DESIGN.md §5: "when it fires, every due
-- timescale is processed (each in its own transaction, breach events
-- appended)"; the virtual clock is "advanced explicitly; timers fire in due
-- order as it passes them". Here t1's breach (10:00) moves the case to s2,
-- whose entry starts t3 (due 11:00:01, an hour after the breach event),
-- which falls before t2 (12:00). However far one `at` jumps, t3 must start
-- at t1's breach and breach before t2 closes the case -- the same result as
-- advancing in two smaller steps. Scenarios:
-- tests/regress/scenarios/breach_order_one_jump.lua and
-- tests/regress/scenarios/breach_order_two_jumps.lua.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "breach_order" {
  title = "Regression: breaches in due order",
  document = "engine regression fixture (no real document)",
  initial = "open",
  opened_by = { "team_manager" },
}

state "open" { line = 1 }
state "s2" { line = 2 }
state "done" { line = 3, terminal = true }

timescale "t1" {
  line = 4, what = "t1: 1 hour",
  within = hours(1), from = "open", satisfied_by = "finish", on_breach = { to = "s2" },
}
timescale "t2" {
  line = 5, what = "t2: 3 hours",
  within = hours(3), from = "open", satisfied_by = "finish", on_breach = { to = "done" },
}
timescale "t3" {
  line = 6, what = "t3: 1 hour from entering s2",
  within = hours(1), from = "enter:s2", satisfied_by = "finish",
}

action "finish" { line = 7, from = { "open", "s2" }, by = "team_manager", to = "done" }
