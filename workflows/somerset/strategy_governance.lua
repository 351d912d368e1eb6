-- workflows/somerset/strategy_governance.lua: the Think Family Strategy
-- 2018 - 2019 as one governance case (spec shared/spec/somerset.md §3.2,
-- "Machine B"; §4 TM-S1; §5; §8.5, §8.10). L<n> is the `cat -n` line of
-- shared/seeds/004_65d7fb9168a38b90.txt.
--
-- Documented [DOC]:
--   L333: the Children's Trust Executive monitors progress "against the CYPP
--     plan using the CYPP reporting mechanisms on a quarterly basis";
--   L275: "A review of the effectiveness of this strategy will be undertaken
--     by the Workforce Development Board, reporting to Children's Trust
--     Executive" (no cadence, no date);
--   L282: "Agencies review their Hidden Harm protocol and this is audited by
--     Public Health Commissioners"; L374: "reviewed and audited by the three
--     lead agencies" (two rules for the audit: both roles may audit, spec §8.5);
--   L279: learning from Serious Case Reviews and Domestic Homicide Reviews;
--   L329: each partner approves the plan and its contribution through its
--     own governance;
--   L3, L360: the strategy (2018 - 2019) and action plan (2017 - 2019) periods.
-- Inferred [INF]:
--   one case per strategy period; its quarters count from the day the case
--     is opened, at whole quarters (rearm = "anchor"): open it on the first
--     day of a CYPP reporting quarter (spec §8.10 proposes financial-year
--     quarters; the document does not define them);
--   the strategy period ends only once the Workforce Development Board's
--     effectiveness review has reported (L275 says it "will be undertaken");
--   a Hidden Harm audit needs a prior review (L282: review, then audit);
--   action plan items are spawned from here as linked cases (action_plan_item).
--
-- Spec §4 timescales here: TM-S1 -> TM_S1_cte_quarterly_monitoring. TM-S3
-- (strategy period) and TM-S4 (action plan period) are case data, not clocks:
-- the document sets no obligation that falls due on them. The WDB review and
-- the Hidden Harm review/audit have no cadence in the document (spec §5), so
-- they have no clock.
--
-- Not encoded (staff-level / forum-level): Team Around the School, MAISEY,
-- Healthy Child meetings (no cadence stated), workforce training and the
-- knowledge and skills framework (L195), Professional Choices helpdesk use.

workflow "strategy_governance" {
  title = "Think Family Strategy governance",
  document = "004_65d7fb9168a38b90.txt",
  initial = "strategy_in_force",
  opened_by = { "childrens_trust" },            -- L309: strategic direction from the Children's Trust
  data = {
    strategy = text { required = true, label = "Strategy (L3: Think Family Strategy 2018 - 2019)" },
    period_start = date { label = "Strategy period start (TM-S3, L3)" },
    period_end = date { label = "Strategy period end (TM-S3, L3)" },
    action_plan_period = text { label = "Action plan period (TM-S4, L360: 2017 - 2019)" },
  },
  significant = "Think Family Strategy in force",
}

-- L333: monitored and evaluated by the Children's Trust using the strategy and action plan
state "strategy_in_force" { line = 333, title = "Strategy in force and monitored" }
-- L3: "THINK FAMILY STRATEGY 2018 - 2019" [INF: ends with its period]
state "strategy_period_ended" { line = 3, terminal = true, title = "Strategy period ended" }

-- Records ----------------------------------------------------------------------

-- L333: quarterly monitoring against the CYPP using the CYPP reporting mechanisms
record "cte_monitoring_report" {
  line = 333,
  title = "Children's Trust Executive quarterly monitoring",
  by = { "childrens_trust_executive" },
  fields = {
    cypp_progress = text { required = true, label = "Progress against the CYPP (Programmes 5 and 7, L284)" },
    slow_progress = list { label = "Items or partners to challenge (L333)" },
  },
}
-- L275: effectiveness review by the Workforce Development Board, reporting to the CTE
record "effectiveness_review" {
  line = 275,
  title = "Strategy effectiveness review (Workforce Development Board)",
  by = { "workforce_development_board" },
  fields = {
    findings = text { required = true },
  },
}
-- L282: agencies review their Hidden Harm protocol; L235: drug and alcohol,
-- domestic abuse and mental health services
record "hidden_harm_review" {
  line = 282,
  title = "Hidden Harm protocol review",
  by = { "hidden_harm_lead_agencies" },
  fields = {
    agency = enum { "drug_and_alcohol", "domestic_abuse", "mental_health", required = true },
    findings = text { required = true },
  },
}
-- L282: "audited by Public Health Commissioners"; L374: "reviewed and audited
-- by the three lead agencies" (spec §8.5: both may audit)
record "hidden_harm_audit" {
  line = 374,
  title = "Hidden Harm protocol audit",
  by = { "public_health_commissioners", "hidden_harm_lead_agencies" },
  fields = {
    auditor = enum { "public_health_commissioners", "lead_agencies", required = true },
    findings = text { required = true },
  },
}
-- L279: learning from Serious Case Reviews and Domestic Homicide Reviews
record "review_learning" {
  line = 279,
  title = "Learning from a Serious Case Review or Domestic Homicide Review",
  by = { "childrens_trust", "childrens_trust_executive" },
  fields = {
    source = enum { "serious_case_review", "domestic_homicide_review", required = true },
    learning = text { required = true },
  },
}
-- L329: "Each member will approve this plan and their particular contribution
-- through their own governance arrangements"
record "partner_approval" {
  line = 329,
  title = "Partner approval of the plan and its contribution",
  by = { "partner_agency" },
  fields = {
    partner = text { required = true },
    governance_body = text { required = true },
  },
}

-- Timescales (spec §4) ---------------------------------------------------------

-- L333: "The Children's Trust Executive will monitor progress of the Think
-- Family Strategy against the CYPP plan ... on a quarterly basis"
timescale "TM_S1_cte_quarterly_monitoring" {
  line = 333,
  what = "Children's Trust Executive monitors the strategy against the CYPP (quarterly)",
  every = months(3),
  rearm = "anchor",
  from = "open",
  satisfied_by = "record_quarterly_monitoring",
  -- [INF] spec TM-S1 ALERT_QUARTERLY_MONITORING_MISSED: flagged on the case
  on_breach = { effect = function(case) case.data.quarterly_monitoring_missed = true end },
  note = "TM-S1; quarter boundaries undefined (spec §8.10): quarters run from opening [INF]",
}

-- Actions -----------------------------------------------------------------------

-- L333: quarterly monitoring by the Children's Trust Executive
action "record_quarterly_monitoring" {
  line = 333,
  title = "Quarterly monitoring against the CYPP",
  from = "strategy_in_force",
  by = "childrens_trust_executive",
  creates = "cte_monitoring_report",
  significant = "Quarterly monitoring",
}

-- L275: the Workforce Development Board reviews effectiveness, reporting to the CTE
action "report_effectiveness_review" {
  line = 275,
  title = "Report the strategy effectiveness review to the CTE",
  from = "strategy_in_force",
  by = "workforce_development_board",
  creates = "effectiveness_review",
  significant = "Effectiveness review reported to the Children's Trust Executive",
}

-- L282: agencies review their Hidden Harm protocol
action "review_hidden_harm_protocol" {
  line = 282,
  title = "Review the Hidden Harm protocol",
  from = "strategy_in_force",
  by = "hidden_harm_lead_agencies",
  creates = "hidden_harm_review",
}

-- L282 (Public Health Commissioners) and L374 (the three lead agencies): audit
-- after review; both rules are encoded by letting both roles audit (spec §8.5)
action "audit_hidden_harm_protocol" {
  line = 282,
  title = "Audit the Hidden Harm protocol review",
  from = "strategy_in_force",
  by = { "public_health_commissioners", "hidden_harm_lead_agencies" },
  creates = "hidden_harm_audit",
  requires = "hidden_harm_review",
  significant = "Hidden Harm protocol audited",
}

-- L329, L365: a partner adds its contribution as action plan rows; each row
-- is its own linked case (action_plan_item)
action "add_action_item" {
  line = 365,
  title = "Add an action plan item (linked case)",
  from = "strategy_in_force",
  by = "partner_agency",
  input = {
    partner = text { required = true },
    no = text {},
    recommendation_no = integer { min = 1, max = 7 },
    recommendation = text { required = true },
    progress_measure = text { required = true },
    actions = text { required = true },
    resource_constraints = text {},
    action_owner = text { required = true },
    target_date_as_written = text { required = true },
    target_form = enum { "month", "from", "after_tf_strategy", "on_launch_event", "completed", required = true },
    target_date = date {},
    rag_1 = enum { "G", "A", "R" },
    rag_2 = enum { "G", "A", "R" },
    cypp_programme = enum { "P5", "P7" },
    cypp_outcome_measure = text {},
  },
  spawn = {
    workflow = "action_plan_item",
    data = function(case, input)
      return {
        partner = input.partner, no = input.no, recommendation_no = input.recommendation_no,
        recommendation = input.recommendation, progress_measure = input.progress_measure,
        actions = input.actions, resource_constraints = input.resource_constraints,
        action_owner = input.action_owner, target_date_as_written = input.target_date_as_written,
        target_form = input.target_form, target_date = input.target_date,
        rag_1 = input.rag_1, rag_2 = input.rag_2, cypp_programme = input.cypp_programme,
        cypp_outcome_measure = input.cypp_outcome_measure,
      }
    end,
  },
  effect = function(case, input) case.data.items_added = (case.data.items_added or 0) + 1 end,
  significant = "Action plan item added",
}

-- L3 [INF]: the strategy period ends once the effectiveness review has reported (L275)
action "end_strategy_period" {
  line = 3,
  title = "End the strategy period",
  from = "strategy_in_force",
  by = "childrens_trust",
  requires = "effectiveness_review",
  to = "strategy_period_ended",
  significant = "Strategy period ended",
}
