-- workflows/durham/hv_non_lead.lua: a Health Visitor's request for Family Hub
-- support where the Health Visitor stays Lead Professional (non-lead work;
-- spec §3.4 "Non-lead FH work", source L1884-1894).
--
-- Spec §4.2 timers: T42 L1890 ("one to one work for a maximum of six weeks"):
-- encoded as a six-week clock from the agreement of one-to-one work, met when
-- the work ends; a group-based activity has no maximum. 1 of 1.
-- T43 L1898 (Enhanced Parent Support Pathway: "a minimum of six additional
-- contacts") is a count, not a deadline: encoded as the guard on ending EPSP
-- work (contacts_delivered >= 6) when the request is an EPSP one [INF].
-- T44/T45 (Young Parent Programme: 20 weeks; one programme per year per FHTM)
-- are programme-level, not case-level: not encoded.

workflow "hv_non_lead" {
  title = "Health Visitor request: non-lead Family Hub work",
  document = "002_5f8893c51560d94f.txt",
  initial = "nonlead_requested",
  opened_by = { "fhtm" },
  data = {
    family_name = text { required = true },
    lead_professional = text { required = true },   -- L1888: "the Health Visitor will remain the Lead Professional"
    request = text { required = true },             -- L1886: "Request for Family Hub Programme Form"
    epsp = boolean { label = "Enhanced Parent Support Pathway (L1898)" },
  },
  significant = "Health Visitor request received",
}

state "nonlead_requested" { line = 1888, title = "Request received by the Family Hub Team Manager" }
state "nonlead_allocated" { line = 1890, title = "EHP allocated: contact the Lead Professional" }
state "nonlead_group" { line = 1890, title = "Group-based activity" }
state "nonlead_one_to_one" { line = 1890, title = "One to one work (maximum six weeks)" }
state "nonlead_closed" { line = 1894, terminal = true, title = "Non-lead work ended" }

-- L1894: "it will be recorded in 'General Notes' as Non-Lead work on EHM on LiquidLogic."
record "non_lead_general_note" {
  line = 1894,
  fields = { summary = text { required = true } },
}

timescale "T42_one_to_one_max_6_weeks" {
  line = 1890,  -- L1890: "either a group-based activity or one to one work for a maximum of six weeks"
  what = "One to one non-lead work ends (maximum six weeks)",
  within = weeks(6),
  from = { "agree_one_to_one_work" },
  satisfied_by = { "end_non_lead_work" },
}

action "allocate_nonlead_ehp" {
  line = 1888,  -- L1888: "Requests for support will be received by the Family Hub Team Manager who will allocate an Early Help Practitioner."
  title = "Allocate an Early Help Practitioner",
  from = "nonlead_requested", by = { "fhtm" },
  input = { ehp = user { required = true, role = "ehp" } },
  assign = "ehp",
  to = "nonlead_allocated",
}
action "agree_group_activity" {
  line = 1890,  -- L1890: EHP "will contact the lead professional and determine the actions required"
  title = "Group-based activity agreed with the Lead Professional",
  from = "nonlead_allocated", by = { "assigned" },
  input = { activity = text { required = true } },
  to = "nonlead_group",
}
action "agree_one_to_one_work" {
  line = 1890,  -- L1890
  title = "One to one work agreed with the Lead Professional",
  from = "nonlead_allocated", by = { "assigned" },
  input = { work = text { required = true } },
  to = "nonlead_one_to_one",
}
action "end_non_lead_work" {
  line = 1894,  -- L1894
  title = "End the non-lead work",
  from = { "nonlead_group", "nonlead_one_to_one" }, by = { "assigned", "fhtm" },
  input = { contacts_delivered = integer { min = 0 } },
  requires = { "non_lead_general_note" },
  guards = {
    -- L1898: "For the OPS this will involve a minimum of six additional contacts with the family."
    { line = 1898, reason = "Enhanced Parent Support Pathway work involves a minimum of six additional contacts",
      check = function(case, input)
        if case.data.epsp ~= true then return true end
        return (input.contacts_delivered or 0) >= 6
      end },
  },
  to = "nonlead_closed",
}
