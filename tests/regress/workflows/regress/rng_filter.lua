-- tests/regress/workflows/regress/rng_filter.lua: pins determinism of
-- math.random in workflow code. DESIGN.md §4: stock Lua's `math.random`
-- uses the clock; "the sandbox replaces or removes each of these", and
-- replay "must reproduce the stored projection exactly". The per-member
-- `applies` filter and the effect below draw random numbers: whatever they
-- draw, replaying the case must give the same clocks and data. Scenario:
-- tests/regress/scenarios/rng_filter.lua (replay equality is checked for
-- every case when the file ends).
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "rng_filter" {
  title = "Regression: math.random in applies and effects",
  document = "engine regression fixture (no real document)",
  initial = "open",
  opened_by = { "team_manager" },
}

state "open" { line = 1 }
state "done" { line = 2, terminal = true }

timescale "visit" {
  line = 3, what = "Visit some members within 1 day",
  within = days(1), per = "member", from = "open", satisfied_by = "finish",
  applies = function(member, on) return math.random(1000) % 2 == 0 end,
}
timescale "recheck" {
  line = 4, what = "Recheck some members every 5 days",
  every = days(5), per = "member", from = "roll", satisfied_by = "roll",
  applies = function(member, on) return math.random() < 0.5 end,
}

action "roll" {
  line = 5, from = "open", by = "team_manager",
  effect = function(case) case.data.r = math.random(1000) end,
}
action "finish" { line = 6, from = "open", by = "team_manager", to = "done" }
