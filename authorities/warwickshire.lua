-- authorities/warwickshire.lua: Warwickshire County Council, Family Support
-- Work (FSW) Service within Family & Parenting Support (FPS).
--
-- Source: shared/seeds/003_6f36f2e5d3d52058.txt, "Early Help Family Support
-- Worker Offer", Version 2.0, issued November 2016 (L3, L8-L14). L<n> below is
-- the `cat -n` line of that file; spec: shared/spec/warwickshire.md.
--
-- Documented vs inferred:
--   teams      = the three localities of Table 2 (L148-L153) [DOC].
--   roles      = the spec's role ids (spec section 2). The weekly locality
--                allocation meeting (L164) is a forum, not a user: its
--                decisions are recorded by its chair, the Early Help (CAF)
--                Manager [INF]. Forums and people outside the system (family,
--                referrer, early help network, children's centres, family
--                support meetings) are data on the case, not roles [INF].
--   limits     = Table 3 (L212-L217) caseloads and Table 1 (L141-L146)
--                Priority Families counts [DOC]; the top of each caseload
--                range is the hard cap and the bottom only an indicator
--                (spec 8.9) [INF].
--   calendar   = England and Wales bank holidays; the document declares no
--                closure days, so none are listed.
authority "warwickshire" {
  name = "Warwickshire County Council",
  service = "Family Support Work Service (Family & Parenting Support)",   -- L14, L44
  document = "003_6f36f2e5d3d52058.txt",
  calendar = { region = "england-and-wales" },
  teams = { "north", "south", "east" },              -- L148-L153: Table 2 localities
  roles = {
    "early_help_officer",        -- L157: all referrals via and triaged by the EHO; L187 front door
    "early_help_caf_manager",    -- L164: chairs the weekly locality allocation meeting
    "locality_fsw_team_manager", -- L164, L199: attends the meetings, screens; L201 case supervision [INF]
    "fsw",                       -- L91-L96: family support worker (0-5 Complex, Complex, Complex-Intensive, Housing)
    "early_help_administrator",  -- L108: forwards social care referrals to the allocation meeting
    "social_care_team_manager",  -- L107, L241: agrees and refers overlap (Complex-Intensive) work
    "social_worker",             -- L107, L239: lead professional at CIN/CP; conducts the step-up single assessment
    "mash",                      -- L191, L237: safeguarding concerns go through the MASH
    "locality_panel",            -- L95, L210: unmet need flagged; reviews 'stuck cases'
  },
  limits = {
    -- L94, L215-L216: "hold cases of 10-15" (0-5 Complex and Complex). Cap = 15.
    fsw_max_cases = 15,
    fsw_min_cases = 10,                  -- under-use indicator only, not a guard (spec 8.9)
    -- L217: Complex Intensive "6-8" cases. Cap = 8.
    ci_fsw_max_cases = 8,
    ci_fsw_min_cases = 6,                -- indicator only
    -- L129, L145-L146: "four of the following criteria are met" (Complex, Complex-Intensive).
    pf_criteria_min = 4,
    -- L144: 0-5 Complex, "2 met".
    pf_criteria_min_0_5 = 2,
    -- L139: the Housing FSW needs "a reduced number of Priority Family
    -- criteria" but the document states no figure. Deliberately NOT set
    -- (spec 8.1: configurable, no default): the council must add
    -- pf_criteria_min_housing = N here before Housing FSW referrals can pass
    -- triage; until then the triage guard refuses them and says why.
    -- L200 [INF] (spec 8.11): assertive outreach attempts recorded before a
    -- non-engagement closure. The document gives no count; 1 = "an" approach.
    outreach_attempts_min = 1,
    -- Documented capacity figures kept for reporting; the engine has no
    -- per-level or per-locality-overlap fact, so no guard reads them.
    -- L111-L113: overlap service, families at any one time (upper figures).
    overlap_families_max_south = 36,
    overlap_families_max_north = 60,
    overlap_families_max_east = 48,
    -- L226-L228: Table 4 maximum service capacity per level. The printed
    -- total "620" (L229) is an arithmetic error (rows sum to 670, spec 8.10);
    -- it is not used.
    service_max_cases_0_5 = 150,
    service_max_cases_complex = 375,
    service_max_cases_complex_intensive = 145,
  },
  workflows = { "family_support_work" },
  -- [INF] Moving to or from another authority: the document does not describe it.
  -- Managers may transfer a family out (the receiving authority opens its own
  -- case, with the chronology and its own clocks on its own calendar).
  -- L157-L173: the Early Help Officer triages every referral at the front door.
  transfers = { out_by = { "locality_fsw_team_manager", "early_help_caf_manager" }, receive = { workflow = "family_support_work", state = "referral_received" } },
  demo_users = {
    { name = "Erin Officer", roles = { "early_help_officer" }, team = "north",
      token = "demo-warwickshire-early-help-officer" },
    { name = "Carl Chair", roles = { "early_help_caf_manager" }, team = "north",
      token = "demo-warwickshire-early-help-caf-manager" },
    { name = "Tara Manager", roles = { "locality_fsw_team_manager" }, team = "north",
      token = "demo-warwickshire-locality-fsw-team-manager" },
    { name = "Fay Worker", roles = { "fsw" }, team = "north",
      token = "demo-warwickshire-fsw" },
    { name = "Sam Social", roles = { "social_worker" }, team = "north",
      token = "demo-warwickshire-social-worker" },
    { name = "Pat Panel", roles = { "locality_panel" }, team = "north",
      token = "demo-warwickshire-locality-panel" },
  },
}
