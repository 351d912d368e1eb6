-- tests/regress/refused/wrong_state_message.lua: NOT run with the scenarios.
-- A wrong_state refusal's message must name every state the action applies
-- in. `refuse` checks only the code, but a failed `act` prints the refusal's
-- message ("#   refused: ..."), so tests/regress.t runs this file on its own,
-- expects the act to fail, and checks that the message names both
-- "received" and "stepdown_received".
-- Workflow: tests/regress/workflows/regress/wrong_state.lua.
scenario "regress: the wrong_state message names every allowed state" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = { tri = "triage_officer" },
}

local c = open_case { workflow = "wrong_state", as = "tri" }
act(c, "accept", { as = "tri" })
act(c, "decline", { as = "tri", input = { reason = "r" } })   -- refused: wrong_state
