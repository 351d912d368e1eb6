-- tests/regress/refused/open_user_missing.lua: NOT run with the scenarios.
-- Opening a case with a user-typed data field holding an id that is no user
-- of the authority must be refused (invalid_input). A scenario cannot expect
-- a refused open (open_case stops the file), so tests/regress.t runs this
-- file on its own and checks the refusal.
-- Workflow: tests/regress/workflows/regress/user_fields.lua.
scenario "regress: an id that is no user in case data refuses the open" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = { mgr = { "team_manager", team = "north" } },
}

open_case { workflow = "user_fields", as = "mgr", data = { lead = 999999 } }
