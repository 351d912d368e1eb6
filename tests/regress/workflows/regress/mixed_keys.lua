-- tests/regress/workflows/regress/mixed_keys.lua: pins what happens when
-- workflow code stores a table with both an integer key and a string key
-- that read the same (10 and "10"). As JSON both would be the member "10",
-- so one value would silently win depending on iteration order. DESIGN.md
-- §4: workflow code is "a pure function of (definition, case, event)" and
-- replay "must reproduce the stored projection exactly" -- so the engine
-- refuses the action (script_error), the same way every time and whichever
-- key was set first, and writes nothing. Scenario:
-- tests/regress/scenarios/mixed_keys.lua.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "mixed_keys" {
  title = "Regression: a table with 10 and \"10\" keys",
  document = "engine regression fixture (no real document)",
  initial = "open",
  opened_by = { "team_manager" },
}

state "open" { line = 1 }
state "done" { line = 2, terminal = true }

action "int_first" {
  line = 3, from = "open", by = "team_manager", to = "done",
  effect = function(case)
    local t = {}
    for i = 1, 20 do t["k" .. i] = i end
    t[10] = "int"; t["10"] = "str"
    case.data.t = t
  end,
}
action "str_first" {
  line = 4, from = "open", by = "team_manager", to = "done",
  effect = function(case)
    local t = {}
    t["10"] = "str"; t[10] = "int"
    case.data.t = t
  end,
}
action "nested" {
  line = 5, from = "open", by = "team_manager", to = "done",
  effect = function(case) case.data.deep = { inner = { [7] = "int", ["7"] = "str" } } end,
}
action "plain" {
  line = 6, from = "open", by = "team_manager", to = "done",
  effect = function(case) case.data.t = { ["10"] = "str", k = 1 } end,
}
