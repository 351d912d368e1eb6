-- tests/regress/workflows/regress/recurring_restart.lua: pins what happens
-- when a recurring clock is cancelled and later started again (DESIGN.md §3:
-- a timescale is "cancelled when the case leaves the states it applies to";
-- §4: every projection is rebuilt from events, so each instance must keep
-- its own identity). Restarting must create a new instance with a new,
-- unique key ("visit#2", "review#2"), leaving the old one cancelled, rather
-- than reusing or overwriting "#1". Both ways of cancelling are covered:
-- `applies_in` (visit) and `cancelled_in` (review). Scenario:
-- tests/regress/scenarios/recurring_restart.lua.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "recurring_restart" {
  title = "Regression: recurring clock restarted after cancellation",
  document = "engine regression fixture (no real document)",
  initial = "open",
  opened_by = { "team_manager" },
}

state "open" { line = 1 }
state "active" { line = 2 }
state "paused" { line = 3 }
state "done" { line = 4, terminal = true }

timescale "visit" {
  line = 5, what = "Visit every 10 days",
  every = days(10), from = "enter:active", satisfied_by = "visit",
  applies_in = { "active" },
}
timescale "review" {
  line = 6, what = "Review every 4 weeks",
  every = weeks(4), rearm = "anchor", times = 3,
  from = "enter:active", satisfied_by = "review", cancelled_in = { "paused" },
  extendable = { by = { "team_manager" }, cap = weeks(6), line = 7 },
}

action "activate" { line = 8, from = { "open", "paused" }, by = "team_manager", to = "active" }
action "pause" { line = 9, from = "active", by = "team_manager", to = "paused" }
action "visit" { line = 10, from = "active", by = "team_manager" }
action "review" { line = 11, from = { "active", "paused" }, by = "team_manager" }
action "close" { line = 12, from = { "active", "paused" }, by = "team_manager", to = "done" }
