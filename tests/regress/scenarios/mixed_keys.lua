-- tests/regress/scenarios/mixed_keys.lua: workflow code that stores a table
-- with both 10 and "10" as keys is refused with script_error, every time,
-- whichever key was set first and however deep the table, and the refusal
-- writes nothing. Workflow: tests/regress/workflows/regress/mixed_keys.lua.
-- Lines cited are the fixture's test numbers.
scenario "regress: a table with both 10 and \"10\" keys is refused" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = { mgr = { "team_manager", team = "north" } },
}

local a = open_case { workflow = "mixed_keys", as = "mgr" }
for i = 1, 3 do
  refuse(a, "int_first", { as = "mgr" }, "script_error", "L3: integer key set first, attempt " .. i)
end
refuse(a, "str_first", { as = "mgr" }, "script_error", "L4: string key set first")
refuse(a, "nested", { as = "mgr" }, "script_error", "L5: in a nested table")
expect_state(a, "open", "L1: the refusals left the case where it was")
expect_data(a, "t", nil, "L3: nothing was stored")
check(view(a).seq == 1, "L3: no event was appended (seq " .. tostring(view(a).seq) .. ")")

-- Another case gets the same answer: the refusal does not depend on history.
local b = open_case { workflow = "mixed_keys", as = "mgr" }
refuse(b, "str_first", { as = "mgr" }, "script_error", "L4: the same on another case")
refuse(b, "int_first", { as = "mgr" }, "script_error", "L3: the same on another case")

-- A table with only string keys is fine, and the case is not wedged.
act(a, "plain", { as = "mgr" })
expect_data(a, "t", { ["10"] = "str", k = 1 }, "L6: string keys only")
expect_state(a, "done", "L6")
act(b, "plain", { as = "mgr" })
