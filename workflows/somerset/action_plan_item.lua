-- workflows/somerset/action_plan_item.lua: one row of the Think Family Action
-- Plan (Appendix 1 template, L358-L374; Appendix 2 example, L376-L390) as a
-- case with an owner, a target date, RAG ratings and quarterly monitoring.
-- Spec: shared/spec/somerset.md §3.1 ("Machine A"), §4, §8.6-§8.10.
-- L<n> is the `cat -n` line of shared/seeds/004_65d7fb9168a38b90.txt.
--
-- Documented [DOC]:
--   the template columns (L365-L366, L380-L381): recommendation, progress
--     measure, actions, resource demand/constraints, person responsible
--     (action owner), completion target date, RAG, CYPP outcome measure;
--   approval by each partner "through their own governance arrangements" (L329);
--   the four target-date forms of Appendix 2: a month ("Sep-18" L387,
--     "Mar-18" L388), a start ("From March 2018" L382), event-relative
--     ("2 months after ... the TF strategy" L384-L385) and a trigger ("Once
--     launch event finalised by Vicky Hearn" L389; "Invites to be sent out
--     once launch event finalised");
--   "Completed" rows (L383, L386, L390);
--   monitoring "on a quarterly basis" by the Children's Trust Executive, and
--     "We will challenge ourselves and partners where progress is slow" (L333).
-- Inferred [INF] (spec §3.1, §5, §8):
--   the states and their order (drafted, awaiting_partner_approval,
--     awaiting_trigger, in_progress, completed) and who takes AP3;
--   every template column is required before submission (AP1);
--   a month target means the last day of that month (spec §8.8);
--   the quarterly clock per item counts from the item's approval, at whole
--     quarters (rearm = "anchor"); the document does not define the quarter
--     boundaries (spec §8.10);
--   the owner updates the RAG at least once a quarter (spec §5);
--   completion needs evidence against the progress measure (AP5);
--   a challenge needs slow progress: overdue, or an A or R rating (AP6);
--   the two unlabelled RAG columns of Appendix 2 are stored as rag_1 and
--     rag_2 without interpretation (spec §8.7; the key is [ABSENT], L365);
--   "the TF strategy" anchor is recorded on the item as its own event,
--     separate from the launch event (spec §8.9).
--
-- Spec §4 timescales here:
--   TM-S1 quarterly monitoring        -> TM_S1_item_quarterly_monitoring (CTE, L333)
--                                        and TM_S1_rag_update ([INF] spec §5, owner)
--   TM-S7 "2 months after the TF strategy" -> TM_S7_two_months_after_tf_strategy
--   TM-S5 "From March 2018"           -> target_form "from": a start, no deadline,
--                                        so no clock (spec §8.8)
--   TM-S6, TM-S8 "Completed"          -> target_form "completed": no clock; the
--                                        owner marks the item completed with evidence
--   TM-S9 "Sep-18", TM-S10 "Mar-18"   -> target_form "month" with target_date the
--                                        month's last day. NOT an engine clock: the
--                                        definition language anchors every clock on
--                                        a case event, and these are calendar dates
--                                        written on the row. Overdue is evaluated
--                                        against facts.today at each quarterly
--                                        monitoring (data.overdue), at completion
--                                        (data.completed_late) and by the
--                                        challenge guard; spec TM-S9/S10's
--                                        "overdue from 2018-10-01 / 2018-04-01" is
--                                        exactly today > target_date.
--   TM-S11 "Once launch event finalised" -> state awaiting_trigger with no
--                                        deadline; send_invites is refused there
--                                        (AP7)
--   TM-S3, TM-S4, TM-S12..TM-S15 are context dates (strategy_governance data).
--
-- Not encoded (staff-level): the training, newsletters and staff
-- communication the rows describe are the content of an item, not case actions.

local TEMPLATE_TEXT = { "partner", "recommendation", "progress_measure", "actions",
                        "action_owner", "target_date_as_written" }

local function nonempty(v) return type(v) == "string" and v:match("%S") ~= nil end

local function last_day_of_month(date)
  local y, m, d = date:match("^(%d+)-(%d+)-(%d+)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  local days = ({ 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 })[m]
  if m == 2 and (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) then days = 29 end
  return d == days
end

-- spec §8.8: a month target is due on that month's last day; overdue after it
local function past_month_target(case, today)
  return case.data.target_form == "month" and case.data.target_date ~= nil
     and today > case.data.target_date
end

workflow "action_plan_item" {
  title = "Think Family Action Plan item",
  document = "004_65d7fb9168a38b90.txt",
  initial = "drafted",
  opened_by = { "partner_agency" },              -- AP1, L329, L376-L378
  data = {
    -- L365-L366, L380-L381: the template columns (SMART)
    partner = text { required = true, label = "Partner organisation (L309-L327, L378)" },
    no = text { label = "No. (as printed)" },
    recommendation_no = integer { min = 1, max = 7, label = "Strategy recommendation 1-7 (L339-L345)" },
    recommendation = text { required = true, label = "Recommendation / Issue / Driver / Gap / Objective (Specific)" },
    progress_measure = text { required = true, label = "Monitoring / Progress Measure of Success (Measurable)" },
    actions = text { required = true, label = "Actions Stated Clearly and Concisely (Achievable)" },
    resource_constraints = text { label = "Resource Demand / Constraints (Realistic)" },
    action_owner = text { required = true, label = "Person Responsible (Action Owner)" },
    target_date_as_written = text { required = true, label = "Completion Target Date as written (Time bound)" },
    target_form = enum { "month", "from", "after_tf_strategy", "on_launch_event", "completed",
                         required = true, label = "Form of the target date (spec §8.8)" },
    target_date = date { label = "Month target: the month's last day; From: the start date" },
    rag_1 = enum { "G", "A", "R", label = "RAG, first column (L382-L390)" },
    rag_2 = enum { "G", "A", "R", label = "RAG, second column (L382-L390)" },
    cypp_programme = enum { "P5", "P7", label = "CYPP 2016-19 programme (L365, L367-L374)" },
    cypp_outcome_measure = text { label = "CYPP 2016-19 Outcome Measure (L365)" },
  },
  significant = "Action plan item drafted",
}

-- States (spec §3.1) ----------------------------------------------------------

-- L365, L380: a row of the action plan template, created by a partner
state "drafted" { line = 365, title = "Drafted" }
-- L329: "Each member will approve this plan ... through their own governance arrangements"
state "awaiting_partner_approval" { line = 329, title = "Awaiting the partner's governance approval" }
-- L384-L385, L389: target depends on an event not yet happened; no due date
state "awaiting_trigger" { line = 389, title = "Awaiting the event the target date depends on" }
-- L382-L389: approved, in progress
state "in_progress" { line = 382, title = "In progress" }
-- L383, L386, L390: "Completed"
state "completed" { line = 383, terminal = true, title = "Completed" }

-- Records ------------------------------------------------------------------------

-- L365: "Monitoring/ Progress Measure of Success - how will you know the actions
-- have resolved the issues identified" [INF: evidence required to complete, AP5]
record "completion_evidence" {
  line = 365,
  title = "Evidence against the progress measure",
  by = { "assigned", "action_owner", "partner_agency" },
  fields = {
    evidence = text { required = true },
  },
}

-- Timescales (spec §4) --------------------------------------------------------

-- L333: "The Children's Trust Executive will monitor progress ... on a
-- quarterly basis". [INF] per item, quarters counted from the item's approval.
timescale "TM_S1_item_quarterly_monitoring" {
  line = 333,
  what = "Children's Trust Executive monitors the item's progress (quarterly)",
  every = months(3),
  rearm = "anchor",
  from = "partner_governance_approved",
  satisfied_by = "quarterly_monitoring",
  applies_in = { "awaiting_trigger", "in_progress" },
  note = "TM-S1; spec §8.10: quarter boundaries are not defined, so quarters run from approval [INF]",
}

-- L365 (RAG column) + spec §5 [INF]: "Action-plan RAG updates: at least once
-- per CTE quarter", by the action owner
timescale "TM_S1_rag_update" {
  line = 365,
  what = "Action owner updates the RAG rating at least once a quarter",
  every = months(3),
  from = "partner_governance_approved",
  satisfied_by = "update_rag",
  applies_in = { "awaiting_trigger", "in_progress" },
  note = "[INF] spec §5; feeds the quarterly monitoring of L333",
}

-- L384-L385: "2 months after" ... "the TF strategy" (split across two lines)
timescale "TM_S7_two_months_after_tf_strategy" {
  line = 384,
  what = "Actions completed 2 months after the TF strategy",
  within = months(2),
  from = "record_tf_strategy_launched",
  satisfied_by = "mark_completed",
  -- [INF] TM-S7 "Overdue alert": flagged for the next quarterly monitoring (L333)
  on_breach = { effect = function(case) case.data.overdue = true end },
  note = "TM-S7; the anchor is recorded as its own event (spec §8.9)",
}

-- Actions (spec §3.1 AP1..AP7) --------------------------------------------------

-- [INF] correct a draft before submission (the template columns can be filled in later)
action "amend_item" {
  line = 365,
  title = "Amend the draft row",
  from = "drafted",
  by = "partner_agency",
  input = {
    recommendation = text {}, progress_measure = text {}, actions = text {},
    resource_constraints = text {}, action_owner = text {}, target_date_as_written = text {},
    target_form = enum { "month", "from", "after_tf_strategy", "on_launch_event", "completed" },
    target_date = date {}, cypp_programme = enum { "P5", "P7" }, cypp_outcome_measure = text {},
  },
  effect = function(case, input)
    for _, k in ipairs({ "recommendation", "progress_measure", "actions", "resource_constraints",
                         "action_owner", "target_date_as_written", "target_form", "target_date",
                         "cypp_programme", "cypp_outcome_measure" }) do
      if input[k] ~= nil then case.data[k] = input[k] end
    end
  end,
}

-- AP1, L365, L380: every template column filled, especially the action owner
-- and the completion target date (SMART: Specific, Measurable, Achievable,
-- Realistic, Time bound, L366)
action "submit_for_approval" {
  line = 365,
  title = "Submit the row for the partner's governance approval",
  from = "drafted",
  by = "partner_agency",
  guards = {
    { line = 365, reason = "every action plan template column must be filled in (L365)",
      check = function(case)
        for _, k in ipairs(TEMPLATE_TEXT) do
          if not nonempty(case.data[k]) then return false end
        end
        return true
      end },
    { line = 387, reason = "a month or 'From' target needs its date (L382, L387, L388)",
      check = function(case)
        local f = case.data.target_form
        return (f ~= "month" and f ~= "from") or case.data.target_date ~= nil
      end },
    { line = 387, reason = "a month target ('Sep-18') is the last day of that month (spec §8.8)",
      check = function(case)
        return case.data.target_form ~= "month" or case.data.target_date == nil
            or last_day_of_month(case.data.target_date)
      end },
  },
  to = "awaiting_partner_approval",
}

-- AP2, L329: approved "through their own governance arrangements"; the action
-- owner is named. Event-relative and trigger targets wait for their event.
action "partner_governance_approved" {
  line = 329,
  title = "Approved through the partner's own governance",
  from = "awaiting_partner_approval",
  by = "partner_agency",
  input = {
    owner = user { required = true, role = "action_owner", label = "Person Responsible (Action Owner)" },
    governance_body = text { required = true, label = "Partner governance that approved (L329)" },
  },
  assign = "owner",
  to = function(case)
    local f = case.data.target_form
    if f == "after_tf_strategy" or f == "on_launch_event" then return "awaiting_trigger" end
    return "in_progress"
  end,
  targets = { "awaiting_trigger", "in_progress" },
  significant = "Approved by the partner's governance",
}

-- AP3, L384-L385: "2 months after ... the TF strategy": the anchor is recorded
action "record_tf_strategy_launched" {
  line = 385,
  title = "Record the TF strategy (anchor of '2 months after')",
  from = "awaiting_trigger",
  by = { "assigned", "partner_agency" },
  input = { launched_on = date { required = true } },
  guards = {
    { line = 384, reason = "this item's target is not relative to the TF strategy (L384-L385)",
      check = function(case) return case.data.target_form == "after_tf_strategy" end },
  },
  effect = function(case, input) case.data.tf_strategy_launched_on = input.launched_on end,
  to = "in_progress",
  significant = "TF strategy recorded: 2-month target starts",
}

-- AP3, L389: "Once launch event finalised by Vicky Hearn"
action "record_launch_event_finalised" {
  line = 389,
  title = "Record that the launch event is finalised",
  from = "awaiting_trigger",
  by = { "assigned", "partner_agency" },
  input = { finalised_by = text { required = true } },
  guards = {
    { line = 389, reason = "this item does not wait for the launch event (L389)",
      check = function(case) return case.data.target_form == "on_launch_event" end },
  },
  set = { launch_event_finalised = true },
  to = "in_progress",
  significant = "Launch event finalised",
}

-- AP7, L389: "Invites to be sent out once launch event finalised"; refused in
-- awaiting_trigger (wrong state) and on items whose event is not finalised
action "send_invites" {
  line = 389,
  title = "Invite group representatives to the TF launch event",
  from = "in_progress",
  by = "assigned",
  input = { groups = list { required = true, label = "Participation, young carers, governors (L389)" } },
  guards = {
    { line = 389, reason = "invites are sent once the launch event is finalised (L389)",
      check = function(case) return case.data.launch_event_finalised == true end },
  },
  set = { invites_sent = true },
}

-- AP4, L365: the action owner rates progress (RAG; key [ABSENT])
action "update_rag" {
  line = 365,
  title = "Update the RAG rating",
  from = { "awaiting_trigger", "in_progress" },
  by = "assigned",
  input = {
    rag_1 = enum { "G", "A", "R", required = true },
    rag_2 = enum { "G", "A", "R" },
    commentary = text {},
  },
  effect = function(case, input)
    case.data.rag_1 = input.rag_1
    if input.rag_2 ~= nil then case.data.rag_2 = input.rag_2 end
  end,
}

-- L333: the Children's Trust Executive monitors progress quarterly
action "quarterly_monitoring" {
  line = 333,
  title = "Quarterly progress monitoring (Children's Trust Executive)",
  from = { "awaiting_trigger", "in_progress" },
  by = "childrens_trust_executive",
  input = { summary = text {} },
  effect = function(case, input, facts)
    case.data.last_monitored = facts.today
    -- TM-S9/TM-S10 [INF]: a month target is overdue from the following day
    if past_month_target(case, facts.today) then case.data.overdue = true end
  end,
}

-- AP6, L333: "We will challenge ourselves and partners where progress is slow"
action "challenge_slow_progress" {
  line = 333,
  title = "Challenge slow progress",
  from = { "awaiting_trigger", "in_progress" },
  by = { "childrens_trust", "childrens_trust_executive" },
  input = { challenge = text { required = true } },
  guards = {
    -- [INF] slow progress = overdue, or rated A or R in either RAG column
    { line = 333, reason = "progress is not slow: not overdue and rated G (L333)",
      check = function(case, input, facts)
        if case.data.overdue == true or past_month_target(case, facts.today) then return true end
        return case.data.rag_1 == "A" or case.data.rag_1 == "R"
            or case.data.rag_2 == "A" or case.data.rag_2 == "R"
      end },
  },
  effect = function(case, input)
    case.data.challenges = (case.data.challenges or 0) + 1
  end,
  significant = "Slow progress challenged",
}

-- AP5, L365, L383: completed, with evidence against the progress measure
action "mark_completed" {
  line = 383,
  title = "Mark the action completed",
  from = "in_progress",
  by = "assigned",
  requires = "completion_evidence",
  effect = function(case, input, facts)
    case.data.completed_on = facts.today
    -- TM-S9/TM-S10 [INF]: completed after the month's last day is late
    case.data.completed_late = past_month_target(case, facts.today)
  end,
  to = "completed",
  significant = "Action completed",
}
