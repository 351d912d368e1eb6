-- tests/regress/refused/open_user_fields.lua: NOT run with the scenarios.
-- Opening a case with a user-typed data field naming a user without the
-- field's role must be refused (invalid_input). A scenario cannot expect a
-- refused open (open_case stops the file), so tests/regress.t runs this file
-- on its own and checks that the open is refused with invalid_input on
-- field lead. Workflow: tests/regress/workflows/regress/user_fields.lua.
scenario "regress: a wrong-role user in case data refuses the open" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = { mgr = { "team_manager", team = "north" }, kw = { "key_worker", team = "north" } },
}

open_case { workflow = "user_fields", as = "mgr", data = { lead = user_id "kw" } }
