-- Durham: Health Visitor requests for Family Hub support with the HV staying
-- Lead Professional (L1884-1898): one to one work for a maximum of six
-- weeks (met and breached), the General Notes record, and the Enhanced
-- Parent Support Pathway's minimum of six additional contacts.
scenario "Durham: Health Visitor non-lead work" {
  authority = "durham",
  start = "2026-03-02T09:00:00Z",   -- Monday
  users = {
    fhtm = { "fhtm", team = "family_hub" },
    ehp = { "ehp", team = "family_hub" },
  },
}

local function request(name, epsp)
  local id = open_case { workflow = "hv_non_lead", as = "fhtm",
    data = { family_name = name, lead_professional = "Health Visitor", request = "Speech and language enrichment", epsp = epsp },
    members = { { id = "bb", name = "Baby", role = "child", dob = "2025-06-06" } } }
  act(id, "allocate_nonlead_ehp", { as = "fhtm", input = { ehp = user_id "ehp" } })
  return id
end

local h1 = request("Dale", false)
expect_assigned(h1, "ehp", "L1888: the FHTM allocates an Early Help Practitioner")
act(h1, "agree_one_to_one_work", { as = "ehp", at = "2026-03-03T10:00:00Z", input = { work = "Play and language" } })
-- Tue 3 Mar + 6 weeks = Tue 14 Apr.
expect_timescale(h1, "T42_one_to_one_max_6_weeks", { status = "pending", due = "2026-04-14" }, "L1890: one to one work for a maximum of six weeks")
local h2 = request("Eddy", false)
act(h2, "agree_one_to_one_work", { as = "ehp", at = "2026-03-03T11:00:00Z", input = { work = "Routines" } })
local h3 = request("Ford", true)
act(h3, "agree_group_activity", { as = "ehp", at = "2026-03-03T12:00:00Z", input = { activity = "Baby group" } })
expect_timescale(h3, "T42_one_to_one_max_6_weeks", { count = 0 }, "L1890: a group-based activity has no six-week maximum")

refuse(h1, "end_non_lead_work", { as = "ehp", at = "2026-04-10T09:00:00Z" }, "missing_record",
  "L1894: recorded in 'General Notes' as Non-Lead work")
add_record(h1, "non_lead_general_note", { as = "ehp", at = "2026-04-10T09:30:00Z", fields = { summary = "Non-Lead work: six sessions" } })
act(h1, "end_non_lead_work", { as = "ehp", at = "2026-04-10T10:00:00Z" })
expect_timescale(h1, "T42_one_to_one_max_6_weeks", { status = "met" }, "L1890")

add_record(h3, "non_lead_general_note", { as = "ehp", at = "2026-04-10T11:00:00Z", fields = { summary = "EPSP group" } })
refuse(h3, "end_non_lead_work", { as = "ehp", at = "2026-04-10T11:30:00Z", input = { contacts_delivered = 4 } }, "guard_failed",
  "L1898: a minimum of six additional contacts with the family")
act(h3, "end_non_lead_work", { as = "ehp", at = "2026-04-10T12:00:00Z", input = { contacts_delivered = 6 } })
expect_state(h3, "nonlead_closed", "L1898")

at "2026-04-15T08:00:00Z"
expect_timescale(h2, "T42_one_to_one_max_6_weeks", { status = "breached", due = "2026-04-14" }, "L1890: one to one work ran past six weeks")
add_record(h2, "non_lead_general_note", { as = "ehp", at = "2026-04-15T09:00:00Z", fields = { summary = "Non-Lead work" } })
act(h2, "end_non_lead_work", { as = "fhtm", at = "2026-04-15T10:00:00Z" })
expect_timescale(h2, "T42_one_to_one_max_6_weeks", { status = "met_late" }, "L1890")
