-- tests/regress/workflows/regress/anchor_cap.lua: pins the extension cap of
-- an anchored recurring chain (DESIGN.md §3: recurring timescales re-arm
-- "from the previous due date, where the procedure anchors them so", and are
-- "extendable by a named role up to a cap"). Each occurrence of a
-- `rearm = "anchor"` chain is its own period: the cap counts from the start
-- of that period (where the previous occurrence was due), not from the
-- chain's first anchor -- otherwise a later occurrence could never be
-- extended at all. Scenario: tests/regress/scenarios/anchor_cap.lua.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "anchor_cap" {
  title = "Regression: extension cap on an anchored recurring chain",
  document = "engine regression fixture (no real document)",
  initial = "open",
  opened_by = { "team_manager" },
}

state "open" { line = 1 }
state "active" { line = 2 }
state "done" { line = 3, terminal = true }

timescale "review" {
  line = 4, what = "Review at 4, 8 and 12 weeks",
  every = weeks(4), rearm = "anchor", times = 3,
  from = "enter:active", satisfied_by = "review",
  extendable = { by = { "team_manager" }, cap = weeks(6), line = 5 },
}

action "activate" { line = 6, from = "open", by = "team_manager", to = "active" }
action "review" { line = 7, from = "active", by = "team_manager" }
action "close" { line = 8, from = "active", by = "team_manager", to = "done" }
