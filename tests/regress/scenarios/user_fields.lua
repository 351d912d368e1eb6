-- tests/regress/scenarios/user_fields.lua: user-typed fields in case data,
-- in records (added directly or created by an action) and in action input
-- accept a user of the authority holding the role and refuse anyone else
-- (invalid_input). Workflow: tests/regress/workflows/regress/user_fields.lua.
-- Lines cited are the fixture's test numbers.
scenario "regress: user-typed fields in data, records and input" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = {
    mgr = { "team_manager", team = "north" },
    mgr2 = { "team_manager", team = "south" },
    kw = { "key_worker", team = "north" },
  },
}

-- Case data on open: a team manager is a valid lead. (A wrong-role lead
-- refuses the open itself, which a scenario cannot expect -- open_case stops
-- the file on a refusal -- so tests/regress.t runs refused/open_*.lua on
-- their own and checks that refusal.)
local c = open_case { workflow = "user_fields", as = "mgr", data = { lead = user_id "mgr2" } }
expect_data(c, "lead", user_id "mgr2", "data.lead: a user field in case data is accepted on open")
local d = open_case { workflow = "user_fields", as = "mgr" }
expect_data(d, "lead", nil, "data.lead: the optional user field may be left out")

-- A record created by an action.
act(c, "note_visit", { as = "mgr", input = { summary = "s", worker = user_id "mgr" } })
expect_records(c, "visit_note", 1, "L4: created with a valid user")
refuse(c, "note_visit", { as = "mgr", input = { summary = "s", worker = user_id "kw" } }, "invalid_input",
  "L4: worker must hold team_manager")
refuse(c, "note_visit", { as = "mgr", input = { summary = "s", worker = 999999 } }, "invalid_input",
  "L4: worker must be a user")
refuse(c, "note_visit", { as = "mgr", input = { summary = "s", worker = "mgr" } }, "invalid_input",
  "L4: worker is a user id, not a name")

-- The same record added directly.
add_record(c, "visit_note", { as = "mgr", fields = { summary = "s", worker = user_id "mgr2" } })
add_record(c, "visit_note", { as = "kw", fields = { summary = "no worker named" } })
expect_records(c, "visit_note", 3, "L3: added with a valid user, and without one")
refuse(c, "add_record", { as = "mgr", type = "visit_note", fields = { summary = "s", worker = user_id "kw" } },
  "invalid_input", "L3: worker must hold team_manager")
refuse(c, "add_record", { as = "mgr", type = "visit_note", fields = { summary = "s", worker = 999999 } },
  "invalid_input", "L3: worker must be a user")
expect_records(c, "visit_note", 3, "L3: refusals add nothing")

-- Action input.
refuse(c, "hand_over", { as = "mgr", input = { to = user_id "mgr" } }, "invalid_input", "L5: to must hold key_worker")
act(c, "hand_over", { as = "mgr", input = { to = user_id "kw" } })
expect_assigned(c, "kw", "L5")
act(c, "close", { as = "mgr" })
act(d, "close", { as = "mgr" })
