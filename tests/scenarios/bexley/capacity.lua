-- Bexley: caseloads and capacity (L128). A key worker may not exceed 25
-- children, pro rata for part-time staff (a guard on allocation over the
-- engine fact assignee_children). The service works with up to 400 families;
-- beyond that the Head of Service is notified and decides case by case, and
-- nothing is refused ("The service will not operate a waiting list").
scenario "Bexley: caseloads and capacity" {
  authority = "bexley",
  start = "2026-01-05T09:00:00Z",              -- Monday
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    hos = "head_of_service",
    kw = { "key_worker", team = "north" },
    pt = { "key_worker", team = "south" },     -- works half time
  },
}

local function family(prefix, n)
  local members = {}
  for k = 1, n do
    members[k] = { id = prefix .. k, name = prefix .. k, role = "child", dob = "2012-01-0" .. ((k % 9) + 1) }
  end
  members[n + 1] = { id = prefix .. "_parent", name = "parent", role = "parent", dob = "1984-04-04" }
  return members
end
local function accepted(prefix, n)
  local c = open_case {
    workflow = "family_wellbeing", as = "mash",
    data = { referrer = "school", referral_route = "professional_referral", written_consent = true },
    members = family(prefix, n),
  }
  act(c, "mash_route_to_fws", { as = "mash" })
  act(c, "accept_referral", { as = "duty", input = { factors = { "low_level_neglect" }, tier_three = true, not_in_need_or_at_risk = true } })
  return c
end
local function note(kw_name, n, fte)
  return {
    key_worker = user_id(kw_name), children_count = n, needs_summary = "large family", wellbeing_scaling = 4,
    initial_visit_by = "2026-01-09", assessment_by = "2026-02-02", planning_meeting_by = "2026-02-06",
    case_review_by = "2026-04-05", key_worker_fte = fte,
  }
end

-- 25 children per full-time key worker ---------------------------------------------
local a = accepted("a", 10)
local b = accepted("b", 10)
local c = accepted("c", 6)
act(a, "allocate_key_worker", { as = "duty", input = note("kw", 10) })
act(b, "allocate_key_worker", { as = "duty", input = note("kw", 10) })
refuse(c, "allocate_key_worker", { as = "duty", input = note("kw", 6) }, "guard_failed",
  "L128: caseloads should not exceed 25 children per full time key worker (20 + 6)")
expect_state(c, "awaiting_allocation", "L128: a refused allocation writes nothing")
local d = accepted("d", 5)
act(d, "allocate_key_worker", { as = "duty", input = note("kw", 5) })
expect_assigned(d, "kw", "L128: 20 + 5 = 25 children, at the limit")

-- pro rata for part-time staff: half time is 12.5 children ---------------------------------
local p1 = accepted("p", 10)
act(p1, "allocate_key_worker", { as = "duty", input = note("pt", 10, 0.5) })
refuse(c, "allocate_key_worker", { as = "duty", input = note("pt", 6, 0.5) }, "guard_failed", "L128: pro-rata for part time staff (10 + 6 > 12.5)")
local q = accepted("q", 2)
act(q, "allocate_key_worker", { as = "duty", input = note("pt", 2, 0.5) })
expect_assigned(q, "pt", "L128: 10 + 2 = 12 children within the pro-rata limit")
refuse(c, "allocate_key_worker", { as = "duty", input = note("pt", 6, 1.5) }, "invalid_input", "L128: FTE is at most full time")

-- 400 families: no waiting list; the Head of Service is notified ---------------------------
-- Six cases are open so far (a, b, c, d, p1, q). Open contacts until 399
-- cases of this workflow are open, then accept two more: the 400th is within
-- capacity, the 401st is beyond it.
for k = 1, 393 do
  open_case {
    workflow = "family_wellbeing", as = "mash",
    data = { referrer = "filler", referral_route = "self_referral", written_consent = true },
    members = { { id = "f" .. k, name = "f", role = "child", dob = "2015-05-05" } },
  }
end
local at400 = accepted("x", 1)
expect_data(at400, "head_of_service_notified", false, "L128: up to 400 families")
local at401 = accepted("y", 1)
expect_state(at401, "awaiting_allocation", "L128: the service will not operate a waiting list: accepted")
expect_data(at401, "head_of_service_notified", true, "L128: demand exceeds capacity: the Head of Service is notified")
expect_data(at401, "capacity_open_cases", 401, "L128: recorded with the count read at the decision")
refuse(at401, "record_capacity_decision", { as = "duty", input = { decision = "allocate" } }, "wrong_role", "L128: decided by the Head of Service")
act(at401, "record_capacity_decision", { as = "hos", input = { decision = "allocate; review caseloads at Monday's managers meeting" } })
expect_data(at401, "capacity_decision", "allocate; review caseloads at Monday's managers meeting", "L128: decided on a case by case basis")
