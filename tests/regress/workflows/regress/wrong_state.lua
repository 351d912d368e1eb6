-- tests/regress/workflows/regress/wrong_state.lua: pins the refusal of an
-- action taken in a state it does not apply in (docs/authoring.md, "Order of
-- checks": the case's state, 409 wrong_state; DESIGN.md §6: "409 not allowed
-- now (with the reason)"). "decline" applies in two states, so its refusal
-- elsewhere must be wrong_state, with a message naming both states, and a
-- malformed add_record is invalid_input. Scenario:
-- tests/regress/scenarios/wrong_state.lua; the message is checked by
-- tests/regress.t with tests/regress/refused/wrong_state_message.lua.
-- Test fixture: every `line = N` is a small test number, not a line of any
-- real procedure document.
workflow "wrong_state" {
  title = "Regression: wrong_state refusals",
  document = "engine regression fixture (no real document)",
  initial = "received",
  opened_by = { "triage_officer" },
}

state "received" { line = 1 }
state "stepdown_received" { line = 2, entry = true }
state "awaiting_allocation" { line = 3 }
state "declined" { line = 4, terminal = true }

record "assessment" { line = 5, fields = { analysis = text { required = true } } }

action "accept" { line = 6, from = "received", by = "triage_officer", to = "awaiting_allocation" }
action "decline" {
  line = 7, from = { "received", "stepdown_received" }, by = "triage_officer",
  input = { reason = text { required = true } },
  to = "declined",
}
action "withdraw" { line = 8, from = "awaiting_allocation", by = "team_manager", to = "declined" }
