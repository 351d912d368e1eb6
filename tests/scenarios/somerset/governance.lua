-- tests/scenarios/somerset/governance.lua: the strategy's governance case
-- (strategy_governance): Children's Trust Executive quarterly monitoring
-- (TM-S1, L333; recurring, quarters anchored on the opening day: met,
-- breached, met late), the Workforce Development Board effectiveness review
-- (L275), the Hidden Harm protocol review and audit by either auditor (L282,
-- L374), and a partner's action plan row spawned as a linked case (L329).
-- Opened on 1 April 2018, the first day of a financial-year quarter (spec
-- §8.10). Due dates by hand: 1 July, 1 October, 1 January, 23:59:59 London.
scenario "Somerset: Think Family Strategy governance" {
  authority = "somerset",
  start = "2018-04-01T09:00:00Z",
  users = {
    trust = { "childrens_trust", team = "childrens_trust" },
    exec = { "childrens_trust_executive", team = "childrens_trust" },
    wdb = "workforce_development_board",
    phc = "public_health_commissioners",
    hh = "hidden_harm_lead_agencies",
    partner = { "partner_agency", team = "somerset_partnership" },
  },
}

local g = open_case {
  workflow = "strategy_governance", as = "trust", members = {},
  data = { strategy = "Think Family Strategy 2018 - 2019", period_start = "2018-04-01",
           period_end = "2019-03-31", action_plan_period = "2017 - 2019" },
}
expect_state(g, "strategy_in_force", "L333: the strategy is monitored")
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "pending", due = "2018-07-01T22:59:59Z", count = 1 },
  "L333: monitored on a quarterly basis (BST due)")

at "2018-06-28T09:00:00Z"
refuse(g, "record_quarterly_monitoring", { as = "partner", input = { cypp_progress = "x" } },
  "wrong_role", "L333: the Children's Trust Executive monitors")
refuse(g, "record_quarterly_monitoring", { as = "exec", input = {} },
  "invalid_input", "L333: monitoring is against the CYPP")
act(g, "record_quarterly_monitoring", { as = "exec", input = { cypp_progress = "Programme 7 on track" } })
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "met", occurrence = 1 }, "L333: quarter 1 monitored")
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "pending", due = "2018-10-01", count = 2 },
  "L333: quarter 2 due six months from the start")

at "2018-10-02T09:00:00Z"
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "breached", due = "2018-10-01T22:59:59Z" },
  "L333: quarterly monitoring missed")
expect_data(g, "quarterly_monitoring_missed", true, "L333 [INF]: missed monitoring flagged")
at "2018-10-05T09:00:00Z"
act(g, "record_quarterly_monitoring", { as = "exec", input = { cypp_progress = "Programme 5 behind", slow_progress = { "row 4" } } })
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "met_late", occurrence = 2 }, "L333: monitored late")
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "pending", due = "2019-01-01T23:59:59Z", count = 3 },
  "L333: quarters stay on the CYPP reporting cycle (GMT due)")
expect_records(g, "cte_monitoring_report", 2, "L333: two quarterly reports")

-- Hidden Harm: review, then audit by Public Health Commissioners (L282) or the lead agencies (L374)
refuse(g, "audit_hidden_harm_protocol", { as = "phc", input = { auditor = "public_health_commissioners", findings = "x" } },
  "missing_record", "L282: agencies review their protocol before it is audited")
refuse(g, "review_hidden_harm_protocol", { as = "phc", input = { agency = "mental_health", findings = "x" } },
  "wrong_role", "L374: the three lead agencies review the protocol")
act(g, "review_hidden_harm_protocol", { as = "hh", input = { agency = "domestic_abuse", findings = "Protocol current" } })
act(g, "audit_hidden_harm_protocol", { as = "phc", input = { auditor = "public_health_commissioners", findings = "Compliant" } })
act(g, "audit_hidden_harm_protocol", { as = "hh", input = { auditor = "lead_agencies", findings = "Compliant" } })
expect_records(g, "hidden_harm_audit", 2, "L282, L374: both audit rules encoded")

-- A partner's row as a linked case
act(g, "add_action_item", { as = "partner", input = {
  partner = "Somerset Partnership and Taunton & Somerset NHS Foundation Trust", no = "5", recommendation_no = 5,
  recommendation = "Professional Choices is available for all staff to access",
  progress_measure = "When there are any difficulties accessing Professional Choices staff utilise the PC helpdesk to resolve these.",
  actions = "Promote PC and the helpdesk to all staff via staff newsletter and mandatory training",
  resource_constraints = "Utilise the links to PC and provide update once supplied by GB",
  action_owner = "Gill Bawler", target_date_as_written = "Mar-18", target_form = "month",
  target_date = "2018-03-31", rag_1 = "G", rag_2 = "A" } })
expect_data(g, "items_added", 1, "L329: the partner's contribution added")
local item = linked(g, "action_plan_item")
expect_state(item, "drafted", "L365: the row is a case of its own")
expect_data(item, "target_date", "2018-03-31", "L388: 'Mar-18' is 31 March (spec §8.8)")

-- quarter 3 monitored on time; quarter 4 (due 1 April 2019, BST) is still pending
at "2018-12-20T10:00:00Z"
act(g, "record_quarterly_monitoring", { as = "exec", input = { cypp_progress = "Programme 7 on track" } })
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "met", occurrence = 3 }, "L333: quarter 3 monitored")
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "pending", due = "2019-04-01T22:59:59Z", count = 4 },
  "L333: quarter 4 due twelve months from the start")

-- the period ends only once the Workforce Development Board has reported
at "2019-03-29T10:00:00Z"
refuse(g, "end_strategy_period", { as = "trust" }, "missing_record", "L275: the effectiveness review is undertaken")
refuse(g, "report_effectiveness_review", { as = "exec", input = { findings = "x" } },
  "wrong_role", "L275: the Workforce Development Board reviews")
act(g, "report_effectiveness_review", { as = "wdb", input = { findings = "Think Family embedded in training" } })
act(g, "end_strategy_period", { as = "trust" })
expect_state(g, "strategy_period_ended", "L3: strategy 2018 - 2019 ended")
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "cancelled", occurrence = 4 },
  "L333: the pending quarter is cancelled when the period ends")
expect_timescale(g, "TM_S1_cte_quarterly_monitoring", { status = "met_late", occurrence = 2 },
  "L333: the late quarter stays on the record")
refuse(g, "record_quarterly_monitoring", { as = "exec", input = { cypp_progress = "x" } },
  "case_closed", "L3: the strategy period has ended")
