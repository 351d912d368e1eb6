-- workflows/durham/social_care_advice.lua: Social Care Advice (SCA) for an
-- Education, Health and Care needs assessment (spec §3.9, source L2058-2094).
--
-- Two ways in:
--   * the family has an OPS Lead Professional: SEND Business Services email
--     the LP (L2062). one_point's request_social_care_advice spawns this case
--     in sca_requested (the send_caseworker may also open it there);
--   * no OPS Lead Professional: the SEND Caseworker's CRM request goes into the
--     IFS Manager's tray and is allocated "as they would other requests"
--     (L2064-2068): the entry state sca_in_tray.
--
-- Spec §4.2 timers: T46 two rules, both encoded: L2062 (20 WD, LP emailed)
-- and L2068 (20 WD for the LP, counted from allocation [INF], spec "SEND
-- request / allocation (inf)"); T47 L2086 (15 days, calendar as written, spec
-- §8.13). 2 of 3 as clocks. T48 L2094 ("closed for up to three months ...
-- advice can be given without opening the family to the service. The former
-- worker ... will write the advice") is a window, not a deadline: encoded as
-- the route, not a clock: the SEND caseworker opens this case directly in
-- sca_requested for the former worker, without reopening one_point.
-- [INF] The LP's "copy in their Team Manager and Business Support Team
-- Leader" (L2072) is the inform_send_caseworker input. The Lead Professional
-- may be a Key Worker, EHP or EWBW (L2060-2074 "OPS Lead Professional").

workflow "social_care_advice" {
  title = "Social Care Advice for an EHC needs assessment",
  document = "002_5f8893c51560d94f.txt",
  initial = "sca_requested",
  opened_by = { "send_caseworker" },
  data = {
    family_name = text {},
    request = text { required = true },
  },
  significant = "Social Care Advice requested",
}

local LP = { "key_worker", "ehp", "ewbw" }
local MANAGERS = { "ifst_team_manager", "senior_key_worker", "fhtm" }

state "sca_requested" { line = 2062, title = "OPS Lead Professional asked to submit social care advice" }
state "sca_in_tray" { line = 2068, entry = true, title = "CRM request for social care advice in the IFS Manager's tray" }
state "sca_allocated" { line = 2070, title = "Allocated as a request for SCA with the deadline for submission" }
state "sca_drafting" { line = 2074, title = "Lead Professional completing the Social Care Advice form" }
state "sca_with_manager" { line = 2078, title = "Team Manager quality assures and authorises" }
state "sca_authorised" { line = 2080, title = "Authorised SCA to be sent to SEND Business Services" }
state "sca_sent" { line = 2082, title = "SCA sent; Multi Agency Meeting may follow" }
state "ehcp_draft_review" { line = 2086, title = "Draft EHCP with the Lead Professional for comment" }
state "sca_closed" { line = 2086, terminal = true, title = "Social Care Advice complete" }

-- L2074: "use the current Child and Family Assessment to populate the Social Care Advice form"
record "sca_form" {
  line = 2074,
  fields = {
    social_care_needs = text { required = true },
    provision = text { required = true },          -- L2078: "associated provision"
    expected_outcomes = text { required = true },  -- L2078: "expected outcomes"
  },
}
-- L2078: "Managers are expected to make a comment on the social care advice"
record "sca_manager_comment" {
  line = 2078,
  by = MANAGERS,
  fields = { comment = text { required = true } },
}
-- L2084: "the OPS Lead Professional will write a case note ... to reflect their attendance at the MAM and any actions"
record "mam_note" {
  line = 2084,
  fields = { attended_on = date { required = true }, actions = text {} },
}

timescale "T46_sca_20wd_lead_professional" {
  line = 2062,  -- L2062: LP "asked to submit their social care advice within 20 working days"
  what = "Social Care Advice submitted by the OPS Lead Professional (20 working days of the request)",
  within = working_days(20),
  from = { "enter:sca_requested" },
  satisfied_by = { "send_sca" },
  note = "L2062 and L2068 state two rules; both are encoded",
}
timescale "T46_sca_20wd_allocated" {
  line = 2068,  -- L2068: "The OPS Lead Professional will have 20 working days to complete this and send back"
  what = "Social Care Advice completed and sent back (20 working days of allocation)",
  within = working_days(20),
  from = { "allocate_sca" },
  satisfied_by = { "send_sca" },
  note = "Counted from the allocation out of the IFS Manager's tray [INF]",
}
timescale "T47_ehcp_comments_15d" {
  line = 2086,  -- L2086: "The plan will be sent to the Lead Professional who will have 15 days to make comment on the plan."
  what = "Comments on the draft EHCP (15 days)",
  within = days(15),
  from = { "receive_draft_ehcp" },
  satisfied_by = { "return_ehcp_comments" },
  note = "15 days kept as calendar days, as written (spec §8.13)",
}

action "allocate_sca" {
  line = 2068,  -- L2068: "put into the LL tray of the IFS Manager who will allocate it as they would other requests"
  title = "Allocate the request for Social Care Advice",
  from = "sca_in_tray", by = { "ifst_team_manager", "senior_key_worker" },
  input = {
    lead_professional = user { required = true, role = "key_worker" },
    -- L2070: "reference in their allocation that this is a request for SCA with the deadline for submission"
    submission_deadline = date { required = true },
  },
  assign = "lead_professional",
  to = "sca_allocated",
  significant = "SCA request allocated",
}
action "inform_send_caseworker" {
  line = 2072,  -- L2072: "The OPS Lead Professional should inform the SEND Caseworker ... and copy in their Team Manager and Business Support Team Leader."
  title = "Lead Professional informs the SEND Caseworker",
  from = { "sca_requested", "sca_allocated" }, by = LP,
  input = { copied_to = text { required = true } },
  to = "sca_drafting",
}
action "submit_sca" {
  line = 2074,  -- L2074
  title = "Submit the Social Care Advice to the Team Manager",
  from = "sca_drafting", by = LP,
  creates = "sca_form",
  to = "sca_with_manager",
}
action "return_sca" {
  line = 2078,  -- L2078: the TM quality assures [INF: returns for more work]
  title = "Return the advice to the Lead Professional",
  from = "sca_with_manager", by = MANAGERS,
  input = { feedback = text { required = true } },
  to = "sca_drafting",
}
action "authorise_sca" {
  line = 2078,  -- L2078: "The Team Manager will quality assure and authorise the social care advice in LiquidLogic."
  title = "Team Manager authorises the Social Care Advice",
  from = "sca_with_manager", by = MANAGERS,
  creates = "sca_manager_comment",
  to = "sca_authorised",
  significant = "Social Care Advice authorised",
}
action "send_sca" {
  line = 2080,  -- L2080: "The Lead Professional will send the authorised SCA to the SEN Business Services e mail address"
  title = "Send the authorised advice to SEND Business Services",
  from = "sca_authorised", by = LP,
  to = "sca_sent",
  significant = "Social Care Advice sent",
}
action "attend_mam" {
  line = 2082,  -- L2082: "The Lead Professional should make every effort to attend this meeting."
  title = "Multi Agency Meeting attended",
  from = "sca_sent", by = LP,
  creates = "mam_note",
}
action "receive_draft_ehcp" {
  line = 2086,  -- L2086: "If an EHCP is agreed a draft plan will be agreed in the MAM. The plan will be sent to the Lead Professional"
  title = "Draft EHCP received for comment",
  from = "sca_sent", by = { "key_worker", "ehp", "ewbw", "send_caseworker" },
  to = "ehcp_draft_review",
}
action "return_ehcp_comments" {
  line = 2086,  -- L2086: check "the social care advice is accurately reflected in the plan"; further outcomes by a new SCA form
  title = "Return comments on the draft EHCP",
  from = "ehcp_draft_review", by = LP,
  input = {
    comments = text { required = true },
    further_social_care_outcomes = boolean {},
  },
  to = "sca_closed",
  significant = "Comments on the draft EHCP returned",
}
action "no_ehcp" {
  line = 2086,  -- L2086: "A decision will be made at the MAM whether to issue an EHCP or SEND Support Plan."
  title = "No EHCP issued",
  from = "sca_sent", by = { "key_worker", "ehp", "ewbw", "send_caseworker" },
  input = { decision = enum { "send_support_plan", "no_plan", required = true } },
  to = "sca_closed",
}
