-- workflows/durham/family_worker.lua: the IFST Family Worker sub-process
-- (spec §3.3.1), opened as a linked case by one_point's request_family_worker.
--
-- Source: shared/seeds/002_5f8893c51560d94f.txt, L515-571 ("Allocating work to
-- IFST Family Workers", "Initial steps for Senior Key Worker allocating work to
-- Family Worker", "Initial steps for Family Worker").
--
-- Spec §4.1 timers encoded here: T08 (L539, 3 WD from the request), T09 (L553,
-- 2 WD after allocation), T10 (L563, 5 WD of allocation). 3 of 3.
-- [INF] T08 counts from the Key Worker's request reaching the SKW, which is
-- when this linked case opens (spec §8.13). Where the TM/SKW decides on a
-- Family Worker at the point of family allocation (L523) the request is the
-- same event.
-- [INF] The Family Worker caseload "approximately 25" (L529) is a guard that
-- the SKW passes only by recording a reason (as for Key Workers, L490).
-- [INF] fw_not_allocated and end_family_worker_support close the sub-process;
-- the document says only that "All work must have an identified timeline for
-- review/completion" (L517).
-- Not encoded (staff-level): SKW review in case management discussion as part
-- of supervision (L528) is encoded only as the case-level action
-- review_fw_progress; the supervision cadence is external (L1768).

workflow "family_worker" {
  title = "IFST Family Worker support",
  document = "002_5f8893c51560d94f.txt",
  initial = "fw_requested",
  opened_by = { "key_worker", "senior_key_worker", "ifst_team_manager" },
  data = {
    family_name = text {},
    work_requested = text { required = true },
  },
  significant = "Family Worker support requested",
}

state "fw_requested" { line = 524, title = "Family Worker requested from the Senior Key Worker" }
state "fw_allocated" { line = 551, title = "Family Worker allocated: initial steps" }
state "fw_working" { line = 567, title = "Family Worker direct work under the Family Plan" }
state "fw_ended" { line = 517, terminal = true, title = "Family Worker support ended" }

-- L547: "Senior Key Worker to complete case note, as Management Oversight to
-- state Family Worker allocated"; L541: "Share Family Timeline with allocated
-- Family Worker"; L517: "All work must have an identified timeline for review/completion."
record "fw_allocation_note" {
  line = 547,
  by = { "senior_key_worker" },
  fields = {
    mo_note = text { required = true },
    timeline_shared = boolean { required = true },       -- L541, L547
    review_by = date { required = true },                -- L517
  },
}
-- L526-527: "Family Workers are required to record all their work on LiquidLogic EHM"
-- and send completed evidence of direct work to the central document store.
record "fw_direct_work" {
  line = 526,
  fields = { summary = text { required = true }, evidence_sent_to_store = boolean {} },
}
-- L528: "Senior Key Workers will review progress in case management discussion."
record "fw_progress_review" {
  line = 528,
  by = { "senior_key_worker" },
  fields = { progress = text { required = true } },
}

timescale "T08_fw_allocation_3wd" {
  line = 539,  -- L539: "Allocate to a Family Worker within 3 working days from receipt of request."
  what = "Family Worker allocated by the Senior Key Worker (3 working days of the request)",
  within = working_days(3),
  from = "open",
  satisfied_by = { "allocate_family_worker" },
}
timescale "T09_kw_fw_meeting_2wd" {
  line = 553,  -- L553: "Key Worker meets with the Family Worker within two working days following allocation to discuss plan of work."
  what = "Key Worker and Family Worker meet to plan the work (2 working days of allocation)",
  within = working_days(2),
  from = "allocate_family_worker",
  satisfied_by = { "kw_fw_planning_meeting" },
}
timescale "T10_joint_home_visit_5wd" {
  line = 563,  -- L563: "Key Worker to arrange a joint Home Visit with the Family Worker within five working days of a FW being allocated a case."
  what = "Joint home visit by the Key Worker and Family Worker (5 working days of allocation)",
  within = working_days(5),
  from = "allocate_family_worker",
  satisfied_by = { "fw_joint_home_visit" },
}

action "allocate_family_worker" {
  line = 517,  -- L517: "Family Workers will be allocated work by the Senior Key Workers (SKW)."; L538-539
  title = "Allocate a Family Worker",
  from = "fw_requested", by = { "senior_key_worker" },
  input = {
    family_worker = user { required = true, role = "family_worker" },
    caseload_override_reason = text {},
  },
  creates = "fw_allocation_note",
  assign = "family_worker",
  facts = { "assignee_children" },
  guards = {
    { line = 541, reason = "the Family Timeline must be shared with the allocated Family Worker",
      check = function(case, input) return input.timeline_shared == true end },
    { line = 529, reason = "the Family Worker's caseload would exceed approximately 25 children (record a caseload_override_reason to proceed)",
      check = function(case, input, facts)
        if input.caseload_override_reason ~= nil and input.caseload_override_reason ~= "" then return true end
        return facts.assignee_children + #children(case) <= facts.limits.family_worker_children
      end },
  },
  to = "fw_allocated",
  significant = "Family Worker allocated",
}
action "fw_not_allocated" {
  line = 517,  -- [INF] the SKW decides Family Worker support is not needed
  title = "Family Worker not allocated",
  from = "fw_requested", by = { "senior_key_worker" },
  input = { reason = text { required = true } },
  to = "fw_ended",
}
action "kw_fw_planning_meeting" {
  line = 553,  -- L553
  title = "Key Worker meets the Family Worker to plan the work",
  from = { "fw_allocated", "fw_working" }, by = { "key_worker" },
  input = { plan_of_work = text { required = true } },
  set = { planning_meeting_held = true },
}
action "fw_joint_home_visit" {
  line = 563,  -- L563
  title = "Joint home visit by the Key Worker and Family Worker",
  from = { "fw_allocated", "fw_working" }, by = { "key_worker", "family_worker" },
  input = { visited_on = date { required = true } },
  set = { joint_visit_held = true },
}
action "agree_division_of_work" {
  line = 567,  -- L567: "discuss and agree what support each will provide and this will be reflected in the Family Plan"
  title = "Key Worker and Family Worker agree who provides what",
  from = "fw_allocated", by = { "key_worker" },
  input = { division_of_work = text { required = true } },
  guards = {
    { line = 553, reason = "the Key Worker and Family Worker have not yet met to plan the work",
      check = function(case) return case.data.planning_meeting_held == true end },
  },
  to = "fw_working",
}
action "review_fw_progress" {
  line = 528,  -- L528
  title = "Senior Key Worker reviews Family Worker progress",
  from = "fw_working", by = { "senior_key_worker" },
  creates = "fw_progress_review",
}
action "end_family_worker_support" {
  line = 517,  -- L517: work has "an identified timeline for review/completion"
  title = "End Family Worker support",
  from = { "fw_allocated", "fw_working" }, by = { "senior_key_worker" },
  input = { reason = text { required = true } },
  to = "fw_ended",
  significant = "Family Worker support ended",
}
