-- tests/regress/scenarios/extend_order.lua: extend_timescale checks the
-- caller's role before the case's state and before the input: a caller
-- without an extending role is refused wrong_role however bad the input.
-- Workflow: tests/regress/workflows/regress/extend_order.lua. Lines cited
-- are the fixture's test numbers.
scenario "regress: extend_timescale checks role before input" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",   -- Monday
  users = { mgr = { "team_manager", team = "north" }, kw = { "key_worker", team = "north" } },
}

local c = open_case { workflow = "extend_order", as = "mgr" }
expect_timescale(c, "assessment", { status = "pending", due = "2026-04-29" }, "L3: 20 working days over Easter")
local ts = "assessment"
refuse(c, "extend_timescale", { as = "kw", input = { timescale = ts, ["until"] = "2026-05-08", reason = "x" } },
  "wrong_role", "L4: valid input, wrong role")
refuse(c, "extend_timescale", { as = "kw", input = { timescale = ts, ["until"] = "2026-05-08" } },
  "wrong_role", "L4: reason missing, still wrong_role")
refuse(c, "extend_timescale", { as = "kw", input = { timescale = ts, ["until"] = "2026-05-08", reason = "x", note = "n" } },
  "wrong_role", "L4: unknown field, still wrong_role")
refuse(c, "extend_timescale", { as = "kw", input = { timescale = ts, ["until"] = "not a date", reason = "x" } },
  "wrong_role", "L4: bad date, still wrong_role")
refuse(c, "extend_timescale", { as = "kw", input = { timescale = ts, ["until"] = "2026-04-01", reason = "x" } },
  "wrong_role", "L4: earlier than due, still wrong_role")
refuse(c, "extend_timescale", { as = "kw", input = { timescale = ts, ["until"] = "2026-12-31", reason = "x" } },
  "wrong_role", "L4: over the cap, still wrong_role")

-- The same bad input from a team manager is refused for the input.
refuse(c, "extend_timescale", { as = "mgr", input = { timescale = ts, ["until"] = "2026-05-08" } },
  "invalid_input", "L4: reason is required")
refuse(c, "extend_timescale", { as = "mgr", input = { timescale = ts, ["until"] = "2026-05-08", reason = "x", note = "n" } },
  "invalid_input", "L4: unknown field")
refuse(c, "extend_timescale", { as = "mgr", input = { timescale = ts, ["until"] = "not a date", reason = "x" } },
  "invalid_input", "L4: until is a date")
refuse(c, "extend_timescale", { as = "mgr", input = { timescale = ts, ["until"] = "2026-12-31", reason = "x" } },
  "extension_over_cap", "L4: cap 30 working days")
extend(c, "assessment", { as = "mgr", ["until"] = "2026-05-08", reason = "family illness" })
expect_timescale(c, "assessment", { status = "pending", due = "2026-05-08" }, "L4: extended")

-- Role comes before the case's state too: on a closed case a key worker is
-- still refused wrong_role, a manager case_closed.
act(c, "close", { as = "mgr" })
refuse(c, "extend_timescale", { as = "kw", input = { timescale = ts, ["until"] = "2026-05-11", reason = "x" } },
  "wrong_role", "L4: closed case, wrong role")
refuse(c, "extend_timescale", { as = "mgr", input = { timescale = ts, ["until"] = "2026-05-11", reason = "x" } },
  "case_closed", "L4: closed case, right role")
