-- authorities/somerset.lua: Somerset, "Think Family Strategy 2018 - 2019"
-- (shared/seeds/004_65d7fb9168a38b90.txt; spec shared/spec/somerset.md).
-- Lines cited as L<n> are `cat -n` line numbers of the seed document.
--
-- The document is a multi-agency STRATEGY, not a case procedure (spec §0): it
-- names no referral form, no allocation, no caseload limit, no review
-- interval, no closure criteria and no case-level time limit. What it names
-- is encoded in three workflows:
--   think_family       the case lifecycle the strategy's principles constrain
--                      (spec §3.3 Machine C; almost entirely [INF])
--   action_plan_item   one row of the Think Family Action Plan (Appendix 1 /
--                      Appendix 2), with owner, target date, RAG and the
--                      Children's Trust Executive's quarterly monitoring
--                      (spec §3.1 Machine A)
--   strategy_governance the strategy itself: quarterly CTE monitoring, the
--                      Workforce Development Board review, the Hidden Harm
--                      protocol review and audit (spec §3.2 Machine B); it
--                      spawns action-plan items as linked cases
--
-- Documented vs inferred:
--   calendar    [DOC by absence] the document declares no closure days, so
--               only England and Wales bank holidays apply.
--   teams       [INF] the document names no localities or teams; the teams
--               below are the services and partner bodies it names, so demo
--               users can be placed in one.
--   roles       [DOC] the spec §2 role ids, restricted to those the workflows
--               use.
--   limits      [DOC by absence] "Capacity rules: none" (spec §5): no
--               caseload, staffing or capacity figure appears anywhere in the
--               document, so no capacity guard exists and limits is empty.
authority "somerset" {
  name = "Somerset County Council and Somerset Children's Trust partners",   -- L309-L327
  service = "Think Family (Somerset Children's Trust Think Family Strategy 2018 - 2019)",   -- L3, L309
  document = "004_65d7fb9168a38b90.txt",
  calendar = { region = "england-and-wales" },   -- no closure days are declared in the document
  teams = {
    "childrens_trust",          -- L309, L333: Somerset Children's Trust and its Executive
    "getset",                   -- L229: the getset service (children's centre services)
    "one_team",                 -- L231: 'One Teams' in high demand areas
    "schools",                  -- L236: Parent and Family Support Advisors in schools
    "public_health_nursing",    -- L238: Healthy Child meetings with getset
    "somerset_partnership",     -- L376-L378: Appendix 2 partner (Somerset Partnership and T&S NHS FT)
  },
  roles = {
    -- case work (think_family)
    "practitioner",             -- L74-L84, L213-L223: any agency's practitioner
    "lead_professional",        -- L67: key contact or lead professional "where needed"
    "school_pfsa",              -- L236: Parent and Family Support Advisor, or equivalent (Level 2)
    "getset",                   -- L229, L238
    "public_health_nursing",    -- L238
    "one_team",                 -- L231
    "cmooe_meeting",            -- L243: monthly Children Missing 'out on' Education meeting
    -- partnership and governance (action_plan_item, strategy_governance)
    "partner_agency",           -- L309-L329: each of the seventeen partners
    "action_owner",             -- L365, L380: "Person Responsible (Action Owner)"
    "childrens_trust",          -- L309, L333: strategic direction; challenges slow progress
    "childrens_trust_executive",-- L275, L333: quarterly monitoring
    "workforce_development_board", -- L275: effectiveness review, reporting to the CTE
    "public_health_commissioners", -- L282: audit the Hidden Harm protocol review
    "hidden_harm_lead_agencies",   -- L235, L374: "the three lead agencies"
  },
  limits = {},                  -- spec §5: the document states no caseload or capacity figure
  workflows = { "think_family", "action_plan_item", "strategy_governance" },
  -- [INF] Moving to or from another authority: the document does not describe it.
  -- Managers may transfer a family out (the receiving authority opens its own
  -- case, with the chronology and its own clocks on its own calendar).
  -- The strategy names no front door: a family moving in starts where any need is identified [INF].
  transfers = { out_by = { "lead_professional" }, receive = { workflow = "think_family", state = "need_identified" } },
  demo_users = {
    { name = "Priya Practitioner", roles = { "practitioner" }, team = "getset",
      token = "demo-somerset-practitioner" },
    { name = "Lee Lead", roles = { "lead_professional" }, team = "one_team",
      token = "demo-somerset-lead-professional" },
    { name = "Sam Schools", roles = { "school_pfsa" }, team = "schools",
      token = "demo-somerset-school-pfsa" },
    { name = "Pat Partner", roles = { "partner_agency" }, team = "somerset_partnership",
      token = "demo-somerset-partner-agency" },
    { name = "Olu Owner", roles = { "action_owner" }, team = "somerset_partnership",
      token = "demo-somerset-action-owner" },
    { name = "Chris Executive", roles = { "childrens_trust_executive" }, team = "childrens_trust",
      token = "demo-somerset-childrens-trust-executive" },
  },
}
