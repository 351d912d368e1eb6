-- tests/regress/workflows/regress/user_fields.lua: pins `user { role = ... }`
-- fields everywhere a schema can hold one (docs/authoring.md, "Fields": "a
-- user id of the authority holding that role"): the case data validated on
-- open, a record's fields (added directly with add_record or created by an
-- action), and an action's input. A user of the authority with the role is
-- accepted; one without the role, or an id that is no user, is refused
-- (invalid_input). DESIGN.md §2: a record is "a typed document on the case
-- ... with required fields". Scenario: tests/regress/scenarios/user_fields.lua.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "user_fields" {
  title = "Regression: user-typed fields",
  document = "engine regression fixture (no real document)",
  initial = "open",
  opened_by = { "team_manager" },
  data = { lead = user { role = "team_manager" } },
}

state "open" { line = 1 }
state "done" { line = 2, terminal = true }

record "visit_note" {
  line = 3,
  fields = { summary = text { required = true }, worker = user { role = "team_manager" } },
}

action "note_visit" { line = 4, from = "open", by = "team_manager", creates = "visit_note" }
action "hand_over" {
  line = 5, from = "open", by = "team_manager",
  input = { to = user { required = true, role = "key_worker" } },
  assign = "to",
}
action "close" { line = 6, from = "open", by = "team_manager", to = "done" }
