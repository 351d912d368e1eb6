-- tests/regress/scenarios/recurring_restart.lua: a recurring clock that is
-- cancelled and started again gets a new instance with a new unique key
-- (#2); the old instance stays cancelled and cannot be extended. Workflow:
-- tests/regress/workflows/regress/recurring_restart.lua. Lines cited are the
-- fixture's test numbers.
scenario "regress: recurring clock restarted after cancellation" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = { mgr = { "team_manager", team = "north" } },
}

local function keys(c, name)
  local out = {}
  for _, t in ipairs(view(c).timescales) do
    if t.name == name then out[#out + 1] = t.key .. "=" .. t.status end
  end
  return table.concat(out, ",")
end

local c = open_case { workflow = "recurring_restart", as = "mgr" }
act(c, "activate", { as = "mgr" })
expect_timescale(c, "visit", { count = 1, status = "pending", due = "2026-04-09" }, "L5")
expect_timescale(c, "review", { count = 1, status = "pending", due = "2026-04-27" }, "L6")
act(c, "pause", { as = "mgr", at = "2026-04-01T09:00:00Z" })
expect_timescale(c, "visit", { status = "cancelled" }, "L5: cancelled by applies_in")
expect_timescale(c, "review", { status = "cancelled" }, "L6: cancelled by cancelled_in")
act(c, "activate", { as = "mgr", at = "2026-04-02T09:00:00Z" })
expect_timescale(c, "visit", { count = 2 }, "L5: a second instance")
expect_timescale(c, "visit", { occurrence = 1, status = "cancelled" }, "L5: the first stays cancelled")
expect_timescale(c, "visit", { occurrence = 2, status = "pending", due = "2026-04-12" }, "L5: the restart counts from re-entering active")
expect_timescale(c, "review", { count = 2 }, "L6: a second instance")
expect_timescale(c, "review", { occurrence = 1, status = "cancelled" }, "L6: the first stays cancelled")
expect_timescale(c, "review", { occurrence = 2, status = "pending", due = "2026-04-30" }, "L6: the restart is a new chain")
local vk, rk = keys(c, "visit"), keys(c, "review")
check(vk == "visit#1=cancelled,visit#2=pending", "L5: unique keys visit#1 (cancelled), visit#2 (pending): " .. vk)
check(rk == "review#1=cancelled,review#2=pending", "L6: unique keys review#1 (cancelled), review#2 (pending): " .. rk)

-- Extensions name an instance by key: the cancelled one cannot be extended.
refuse(c, "extend_timescale", { as = "mgr", input = { timescale = "review#1", ["until"] = "2026-05-01", reason = "r" } },
  "not_pending", "L7: review#1 is cancelled")
extend(c, "review#2", { as = "mgr", ["until"] = "2026-05-01", reason = "family away" })
expect_timescale(c, "review", { occurrence = 2, status = "pending", due = "2026-05-01" }, "L7: review#2 extended")
expect_timescale(c, "review", { occurrence = 1, status = "cancelled" }, "L7: review#1 untouched")

-- The new instances run on as normal.
act(c, "visit", { as = "mgr", at = "2026-04-10T09:00:00Z" })
expect_timescale(c, "visit", { occurrence = 2, status = "met" }, "L5")
expect_timescale(c, "visit", { occurrence = 3, status = "pending", due = "2026-04-20" }, "L5: re-armed from the visit")
rk = keys(c, "visit")
check(rk == "visit#1=cancelled,visit#2=met,visit#3=pending", "L5: keys stay unique after re-arming: " .. rk)
act(c, "close", { as = "mgr" })
expect_timescale(c, "visit", { occurrence = 3, status = "cancelled" }, "L5: closing cancels")
