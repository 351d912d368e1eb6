-- tests/regress/scenarios/anchor_cap.lua: the extension cap of an anchored
-- recurring chain counts from the start of the occurrence's own period (where
-- the previous occurrence was due), not from the chain's first anchor.
-- Workflow: tests/regress/workflows/regress/anchor_cap.lua. Lines cited are
-- the fixture's test numbers.
scenario "regress: extension cap on an anchored recurring chain" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",   -- Monday
  users = { mgr = { "team_manager", team = "north" } },
}

local c = open_case { workflow = "anchor_cap", as = "mgr" }
act(c, "activate", { as = "mgr" })
expect_timescale(c, "review", { occurrence = 1, status = "pending", due = "2026-04-27" }, "L4: 4 weeks")
-- Occurrence 1's period starts at the anchor (30 March): cap 6 weeks = 11 May.
refuse(c, "extend_timescale", { as = "mgr", input = { timescale = "review", ["until"] = "2026-05-12", reason = "r" } },
  "extension_over_cap", "L5: occurrence 1 capped at 11 May")

-- Met early: the chain stays anchored, occurrence 2 due 8 weeks from the start.
act(c, "review", { as = "mgr", at = "2026-03-31T09:00:00Z" })
expect_timescale(c, "review", { occurrence = 1, status = "met" }, "L4")
expect_timescale(c, "review", { occurrence = 2, status = "pending", due = "2026-05-25" }, "L4: 8 weeks from chain start")
-- Occurrence 2's period starts where occurrence 1 was due (27 April): its cap
-- is 27 April + 6 weeks = 8 June. (Counted from the chain start it would be
-- 11 May, before the clock's own due date: nothing could ever be extended.)
extend(c, "review", { as = "mgr", ["until"] = "2026-05-26", reason = "family away" })
expect_timescale(c, "review", { occurrence = 2, status = "pending", due = "2026-05-26" }, "L5: one day's extension")
refuse(c, "extend_timescale", { as = "mgr", input = { timescale = "review", ["until"] = "2026-06-09", reason = "r" } },
  "extension_over_cap", "L5: occurrence 2 capped at 8 June")
extend(c, "review", { as = "mgr", ["until"] = "2026-06-08", reason = "still away" })
expect_timescale(c, "review", { occurrence = 2, status = "pending", due = "2026-06-08" }, "L5: extended to the cap")

-- Occurrence 3 keeps the chain's anchor (12 weeks from 30 March = 22 June),
-- whatever occurrence 2's extension; its period starts 25 May, cap 6 July.
act(c, "review", { as = "mgr", at = "2026-06-01T09:00:00Z" })
expect_timescale(c, "review", { occurrence = 2, status = "met" }, "L4: met within its extension")
expect_timescale(c, "review", { occurrence = 3, status = "pending", due = "2026-06-22" }, "L4: 12 weeks from chain start")
refuse(c, "extend_timescale", { as = "mgr", input = { timescale = "review", ["until"] = "2026-07-07", reason = "r" } },
  "extension_over_cap", "L5: occurrence 3 capped at 6 July")
extend(c, "review", { as = "mgr", ["until"] = "2026-07-06", reason = "holiday" })
expect_timescale(c, "review", { occurrence = 3, status = "pending", due = "2026-07-06" }, "L5: extended to the cap")
act(c, "close", { as = "mgr" })
