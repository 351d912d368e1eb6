-- tests/regress/scenarios/wrong_state.lua: an action taken outside the states
-- it applies in is refused wrong_state, and a malformed add_record is refused
-- invalid_input. (`refuse` checks only the code; that the message names every
-- allowed state is checked by tests/regress.t with
-- tests/regress/refused/wrong_state_message.lua.)
-- Workflow: tests/regress/workflows/regress/wrong_state.lua. Lines cited are
-- the fixture's test numbers.
scenario "regress: wrong_state refusals" {
  authority = "regress",
  start = "2026-03-30T09:00:00Z",
  users = { tri = "triage_officer", mgr = { "team_manager", team = "north" } },
}

local c = open_case { workflow = "wrong_state", as = "tri" }
refuse(c, "add_record", { as = "mgr", type = "assessment", fields = "oops" }, "invalid_input", "L5: fields must be an object")
refuse(c, "add_record", { as = "mgr", type = "assessment", fields = {} }, "invalid_input", "L5: analysis is required")
refuse(c, "add_record", { as = "mgr", type = "no_such_record", fields = { analysis = "a" } }, "invalid_input", "L5: unknown record type")
refuse(c, "withdraw", { as = "mgr" }, "wrong_state", "L8: only from awaiting_allocation")
act(c, "accept", { as = "tri" })
refuse(c, "decline", { as = "tri", input = { reason = "r" } }, "wrong_state", "L7: only from received or stepdown_received")
refuse(c, "accept", { as = "tri" }, "wrong_state", "L6: only from received")
-- Role comes before state: the wrong role is wrong_role even in the wrong state.
refuse(c, "decline", { as = "mgr", input = { reason = "r" } }, "wrong_role", "L7: role is checked first")
-- State comes before input: bad input in the wrong state is wrong_state.
refuse(c, "decline", { as = "tri", input = {} }, "wrong_state", "L7: state is checked before input")

local s = open_case { workflow = "wrong_state", as = "tri", state = "stepdown_received" }
refuse(s, "decline", { as = "tri", input = {} }, "invalid_input", "L7: allowed here, reason required")
act(s, "decline", { as = "tri", input = { reason = "r" } })
expect_state(s, "declined", "L7: allowed from stepdown_received")
refuse(s, "decline", { as = "tri", input = { reason = "r" } }, "case_closed", "L4: terminal states refuse everything")
act(c, "withdraw", { as = "mgr" })
