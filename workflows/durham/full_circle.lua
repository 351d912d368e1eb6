-- workflows/durham/full_circle.lua: One Point's part in a request for Full
-- Circle support for a family that is not SGO/adoptive ("Workflow 3", spec
-- §3.9, source L2448-2520). Spawned by one_point's refer_to_full_circle (the
-- Liquid Logic referral to the Full Circle duty tray, L2484), after the
-- manager's allocation, episode, consent and initial home visit (L2470-2483),
-- which the parent one_point case already records.
--
-- Spec §4.2 timers: T61 L2498-2499 (initial TAF at 6 weeks or a review with the
-- Full Circle Social Worker every 6 weeks: one recurring clock met by either),
-- T62 L2503 (Full Circle Assessment within 10 WD of the Screening Assessment
-- Meeting), T63 L2513 (C&F sent to the manager within 10 WD; counted from the
-- Screening Assessment Meeting [INF], spec "(inf)"), T64 L2515 (welfare contact
-- at least every 4 weeks when there is no ongoing OPS support). 4 of 4.
-- T60 L2438 (three days of Connected People Attachment training) concerns SGO
-- families and is a course length, not a deadline: not encoded.

workflow "full_circle" {
  title = "Full Circle support (non-SGO/adoptive family)",
  document = "002_5f8893c51560d94f.txt",
  initial = "fc_referred",
  opened_by = { "key_worker", "ehp", "ewbw" },
  data = {
    family_name = text {},
    need = text { required = true },
  },
  significant = "Full Circle referral made",
}

local WORKERS = { "key_worker", "ehp", "ewbw" }
local MANAGERS = { "ifst_team_manager", "senior_key_worker", "fhtm" }

state "fc_referred" { line = 2484, title = "Referral in the Full Circle duty tray; Screening Assessment Meeting awaited" }
state "fc_intervention" { line = 2494, title = "Full Circle intervention with One Point support" }
state "fc_closed" { line = 2519, terminal = true, title = "One Point's Full Circle involvement ended" }

-- L2503: "Complete Full Circle Assessment in LL"
record "fc_assessment" {
  line = 2503,
  fields = { summary = text { required = true } },
}
-- L2515: "Keep in contact with the family at least once every 4 weeks virtually or by telephone to complete welfare check"
record "welfare_check" {
  line = 2515,
  fields = { method = enum { "virtual", "telephone", "visit", required = true }, notes = text {} },
}

timescale "T61_review_6_weeks" {
  line = 2499,  -- L2498: "Arrange an initial TAF at 6 weeks to review progress if required or," L2499: "Review progress with the family and The Full Circle Social Worker every 6 weeks."
  what = "Progress reviewed (initial TAF at 6 weeks, or a review with the Full Circle Social Worker every 6 weeks)",
  every = weeks(6),
  from = { "hold_screening_meeting" },
  satisfied_by = { "fc_initial_taf", "fc_progress_review" },
}
timescale "T62_fc_assessment_10wd" {
  line = 2503,  -- L2503: "Complete Full Circle Assessment in LL withing 10 working days following Screening Assessment Meeting."
  what = "Full Circle Assessment completed (10 working days of the Screening Assessment Meeting)",
  within = working_days(10),
  from = { "hold_screening_meeting" },
  satisfied_by = { "record:fc_assessment" },
}
timescale "T63_cf_to_manager_10wd" {
  line = 2513,  -- L2513: "Send to manager for approval within 10 working days."
  what = "Child and Family assessment sent to the manager for approval (10 working days)",
  within = working_days(10),
  from = { "hold_screening_meeting" },
  satisfied_by = { "send_cf_to_manager" },
  note = "Start inferred: the Screening Assessment Meeting (spec T63 '(inf)')",
}
timescale "T64_welfare_check_4_weeks" {
  line = 2515,  -- L2515: welfare check "at least once every 4 weeks ... if there is no ongoing OPS support"
  what = "Welfare check with the family (every 4 weeks while there is no ongoing OPS support)",
  every = weeks(4),
  from = { "ops_support_ended" },
  satisfied_by = { "record:welfare_check" },
  cancelled_by = { "ops_support_resumed" },
}

action "hold_screening_meeting" {
  line = 2494,  -- L2490: "Key Worker attends Screening Assessment Meeting with the family."; L2494: the FC SW "will determine what intervention is required and how progress will be reviewed"
  title = "Screening Assessment Meeting held",
  from = "fc_referred", by = WORKERS,
  input = {
    intervention = text { required = true },
    review_by = enum { "initial_taf_at_6_weeks", "review_every_6_weeks", required = true },
  },
  to = "fc_intervention",
  significant = "Full Circle Screening Assessment Meeting",
}
action "fc_initial_taf" {
  line = 2498,  -- L2498
  title = "Initial TAF to review progress",
  from = "fc_intervention", by = WORKERS,
}
action "fc_progress_review" {
  line = 2499,  -- L2499
  title = "Progress reviewed with the family and the Full Circle Social Worker",
  from = "fc_intervention", by = WORKERS,
  input = { progress = text { required = true } },
}
action "send_cf_to_manager" {
  line = 2513,  -- L2512-2513: relevant Full Circle information copied onto the C&F assessment, then sent to the manager
  title = "Send the C&F assessment to the manager for approval",
  from = "fc_intervention", by = WORKERS,
}
action "ops_support_ended" {
  line = 2515,  -- L2515: "if there is no ongoing OPS support"
  title = "No ongoing OPS support: welfare checks every 4 weeks",
  from = "fc_intervention", by = WORKERS,
}
action "ops_support_resumed" {
  line = 2515,  -- [INF] OPS support restarts, so the welfare-check clock stops
  title = "OPS support resumed",
  from = "fc_intervention", by = WORKERS,
}
action "discuss_step_up" {
  line = 2520,  -- L2520: "Discuss possibility of stepping up the case if significant concerns remain."
  title = "Discuss stepping up (significant concerns remain)",
  from = "fc_intervention", by = { "key_worker", "ehp", "ewbw", "ifst_team_manager", "senior_key_worker", "fhtm" },
  input = { concerns = text { required = true } },
}
action "agree_fc_closure" {
  line = 2519,  -- L2519: "Agree closure if outcomes inlcuding Stronger Family Outcomes have been met (with the TAF if this is in place)."
  title = "Agree closure of One Point's Full Circle involvement",
  from = "fc_intervention", by = MANAGERS,
  input = { outcomes_met = boolean { required = true } },
  guards = {
    { line = 2519, reason = "closure is agreed when the outcomes, including Stronger Family Outcomes, have been met",
      check = function(case, input) return input.outcomes_met == true end },
  },
  to = "fc_closed",
  significant = "Full Circle involvement closed",
}
