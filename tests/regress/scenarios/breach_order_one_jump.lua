-- tests/regress/scenarios/breach_order_one_jump.lua: breaches fire one at a
-- time in due order, each seeing the state the previous one left, so the
-- clock advanced in one jump past every due instant ends exactly as in
-- breach_order_two_jumps.lua (both files assert the same statuses and
-- instants). Workflow: tests/regress/workflows/regress/breach_order.lua.
-- Lines cited are the fixture's test numbers.
scenario "regress: breaches in due order (one jump)" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = { mgr = { "team_manager", team = "north" } },
}

local function breached_at(c, name)
  for _, t in ipairs(view(c).timescales) do
    if t.name == name then return t.breached_at end
  end
end

local a = open_case { workflow = "breach_order", as = "mgr" }
expect_timescale(a, "t1", { status = "pending", due = "2026-03-30T10:00:00Z" }, "L4")
expect_timescale(a, "t2", { status = "pending", due = "2026-03-30T12:00:00Z" }, "L5")
at "2026-03-30T13:00:00Z"
-- t1 breaches first (10:00:01) and moves the case to s2, which starts t3 an
-- hour after that breach; t3 breaches (11:00:02) before t2 (12:00:01) closes
-- the case.
expect_timescale(a, "t1", { status = "breached" }, "L4")
expect_timescale(a, "t3", { count = 1, status = "breached", due = "2026-03-30T11:00:01Z" }, "L6: started by t1's breach, not by the jump")
expect_timescale(a, "t2", { status = "breached" }, "L5")
expect_state(a, "done", "L5: t2's breach closed the case")
local b1, b3, b2 = breached_at(a, "t1"), breached_at(a, "t3"), breached_at(a, "t2")
check(b1 < b3 and b3 < b2, "L4-L6: breached in due order: t1 " .. b1 .. ", t3 " .. b3 .. ", t2 " .. b2)
check(b1 == "2026-03-30T10:00:01Z", "L4: t1 breached as its due instant passed: " .. b1)
check(b3 == "2026-03-30T11:00:02Z", "L6: t3 breached as its due instant passed: " .. b3)
check(b2 == "2026-03-30T12:00:01Z", "L5: t2 breached as its due instant passed: " .. b2)
