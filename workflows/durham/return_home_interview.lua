-- workflows/durham/return_home_interview.lua: Return to Home Interview (RTHI)
-- for a child open to One Point who has been missing from home (spec §3.9,
-- source L2538-2569). Spawned by one_point's notify_missing_episode when
-- business support emails the allocated worker, SKW and OM (L2542).
--
-- Spec §4.2 timer: T65 L2543 "complete RTHI with young person within 72
-- hours", counted from the notification that opens this case [INF: the
-- spec's "notification of missing episode / return (inf)"]. 1 of 1.
-- "sent to ERASE as soon as possible" (L2569) has no duration: not a clock.
-- [INF] "Allocated manager" (L2556) = IFS TM, SKW, FHTM or the OM emailed at
-- L2542. Supporting Solutions closing the MISP episode (L2559) is outside
-- One Point; this case ends when the worker takes on the follow-up actions.

workflow "return_home_interview" {
  title = "Return to Home Interview",
  document = "002_5f8893c51560d94f.txt",
  initial = "rthi_due",
  opened_by = { "key_worker", "ehp", "ewbw", "ifst_team_manager", "senior_key_worker", "fhtm", "operations_manager" },
  data = {
    family_name = text {},
    young_person = text { required = true },
  },
  significant = "Missing episode notified: RTHI due",
}

local WORKERS = { "key_worker", "ehp", "ewbw" }
local MANAGERS = { "ifst_team_manager", "senior_key_worker", "fhtm", "operations_manager" }

state "rthi_due" { line = 2543, title = "RTHI to be completed with the young person" }
state "rthi_awaiting_authorisation" { line = 2555, title = "RTHI sent for authorisation" }
state "rthi_finalised" { line = 2557, title = "RTHI finalised" }
state "rthi_sent" { line = 2558, title = "RTHI sent to ERASE and the named officer" }
state "rthi_closed" { line = 2560, terminal = true, title = "Worker following up actions from the RTHI" }

-- L2550-2566: the RTHI form on LiquidLogic (MISP episode), with a Signs of
-- Safety section at the end (L2566).
record "rthi_form" {
  line = 2550,
  fields = {
    dhm_number = text { required = true },       -- L2550: "Enter DHM number, dates and times of missing episode"
    interview_summary = text { required = true }, -- L2554
    working_well = text { required = true },      -- L2566: "What's working well?"
    worried_about = text { required = true },     -- L2566: "What are we worried about?"
    next_steps = text { required = true },        -- L2566: "Next Steps."
  },
}

timescale "T65_rthi_72h" {
  line = 2543,  -- L2543: "Allocated worker to complete RTHI with young person within 72 hours"
  what = "Return to Home Interview completed with the young person (72 hours)",
  within = hours(72),
  from = { "open" },
  satisfied_by = { "complete_rthi" },
}

action "complete_rthi" {
  line = 2555,  -- L2555: "Once completed click 'send for authorisation.'"
  title = "Complete the RTHI and send for authorisation",
  from = "rthi_due", by = WORKERS,
  creates = "rthi_form",
  to = "rthi_awaiting_authorisation",
  significant = "RTHI completed",
}
action "requires_further_information" {
  line = 2564,  -- L2564: the manager "can select 'requires further information' which will send the RTHI back to the workers tray"
  title = "Manager returns the RTHI: requires further information",
  from = "rthi_awaiting_authorisation", by = MANAGERS,
  input = { feedback = text { required = true } },
  to = "rthi_due",
}
action "finalise_rthi" {
  line = 2557,  -- L2556-2557: manager reviews; "printing and saving as a PDF prior to finalisation"; "Finalise RTHI form"
  title = "Manager finalises the RTHI",
  from = "rthi_awaiting_authorisation", by = MANAGERS,
  input = { pdf_saved = boolean { required = true } },
  guards = {
    { line = 2556, reason = "the RTHI must be printed and saved as a PDF prior to finalisation",
      check = function(case, input) return input.pdf_saved == true end },
  },
  to = "rthi_finalised",
}
action "send_to_erase" {
  line = 2558,  -- L2558: "Forward saved RTHI form onto: ERASE ... and [the named officer]"; L2569: "as soon as possible"
  title = "Send the RTHI to ERASE",
  from = "rthi_finalised", by = WORKERS,
  input = { sent_to = text { required = true } },
  to = "rthi_sent",
}
action "follow_up_actions" {
  line = 2560,  -- L2560: "Allocated worker to follow up on any actions from RTHI."; L2567: missing concerns in the child's plan
  title = "Follow up the actions (missing concerns added to the child's plan)",
  from = "rthi_sent", by = WORKERS,
  input = { actions = text { required = true } },
  to = "rthi_closed",
}
