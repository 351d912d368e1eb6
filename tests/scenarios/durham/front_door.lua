-- Durham: the remaining front-door routes (L366-456): First Contact routing a
-- safeguarding referral to Families First, triage re-direction, and each
-- outcome of a Locality Early Help Conversation. Winter: 23:59:59Z.
scenario "Durham: front door routes" {
  authority = "durham",
  start = "2026-01-12T09:00:00Z",   -- Monday
  users = {
    fco = { "first_contact_officer", team = "first_contact" },
    fcsw = { "first_contact_social_worker", team = "first_contact" },
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
  },
}

local function kid(id) return { { id = id, name = id, role = "child", dob = "2016-06-16" } } end

local s = open_case { workflow = "one_point", as = "fcsw",
  data = { family_name = "Mills", requester = "safeguarding_referral", reason = "injury" }, members = kid("s") }
act(s, "fc_route_safeguarding", { as = "fcsw", at = "2026-01-12T10:00:00Z", input = { rationale = "CP threshold met" } })
expect_state(s, "referred_to_families_first", "L368: triaged as requiring safeguarding/statutory service (CIN/CP)")

local r = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Nolan", requester = "professional", reason = "housing" }, members = kid("r") }
act(r, "triage_redirect", { as = "ehtw", at = "2026-01-13T10:00:00Z", input = { redirected_to = "Housing Solutions" } })
expect_state(r, "redirected", "L447: re-direct")
expect_timescale(r, "T01_allocated_to_team_tray_5wd", { status = "cancelled" }, "L456: only requests suitable for OPS go to a tray")

local function lehc(name)
  local id = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
    data = { family_name = name, requester = "professional", reason = "worry" }, members = kid(name) }
  act(id, "triage_refer_lehc", { as = "ehtw" })
  return id
end
local l1 = lehc("Oakes")
act(l1, "lehc_resolve", { as = "ehtw", at = "2026-01-13T11:00:00Z", input = { outcome = "School to support" } })
expect_state(l1, "closed_at_triage", "L449-452: the LEHC resolves")
local l2 = lehc("Pike")
act(l2, "lehc_redirect", { as = "ehtw", at = "2026-01-13T12:00:00Z", input = { redirected_to = "CAMHS" } })
expect_state(l2, "redirected", "L449-452: the LEHC re-directs")
local l3 = lehc("Quill")
refuse(l3, "lehc_refer_ifst", { as = "ehtw", at = "2026-01-13T13:00:00Z", input = { heightened_risk_or_complexity = false } },
  "guard_failed", "L430: heightened risk or complexity")
act(l3, "lehc_refer_ifst", { as = "ehtw", at = "2026-01-13T13:30:00Z", input = { heightened_risk_or_complexity = true } })
expect_state(l3, "ifst_awaiting_allocation", "L430: referred into the IFS Team by the EHTW")
-- Tue 13 Jan + 2 working days = Thu 15 Jan.
expect_timescale(l3, "T06_ifst_allocation_2wd", { status = "pending", due = "2026-01-15" }, "L476")
local l4 = lehc("Rowe")
act(l4, "lehc_safeguarding", { as = "sehtw", at = "2026-01-13T14:00:00Z", input = { concern = "Disclosure" } })
expect_state(l4, "safeguarding_procedures", "L430: if a Safeguarding concern is raised, Safeguarding procedures will be followed")
