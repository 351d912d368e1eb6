-- authorities/bristol.lua: Bristol City Council, Families in Focus (FiF).
--
-- Source: shared/seeds/000_f11e1e0f13a59c3f.txt (a service overview; L<n> are
-- `cat -n` line numbers). Structured reading: shared/spec/bristol.md.
--
-- Teams are the three localities (L11, L37-L39, L93-L95). The document
-- declares no closure days, so the calendar is the England and Wales bank
-- holidays only; no Bristol timescale is in working days anyway (spec §4).
--
-- Limits (read by guards as facts.limits):
--   keyworker_families      7   L120 "up to 7 families per full time worker" (hard cap;
--                               pro-rating by FTE [INF] is not encoded: the engine has no FTE fact)
--   fsw_families_average   10   L121 "On average ... 8 - 10 families" (an average: soft,
--                               never enforced; kept here for reporting)
--   parenting_assessment_sessions 3   L229 "up to three 1:1 sessions in the home"
--   iy_sessions           16    L253 "up to 16 sessions"
--   group_sessions        16    L257 "up to 16 sessions"
--   s85_hospital_days     84    L160 "in hospital for 12 weeks or more" (spec §8.16: 12 weeks = 84 days)
authority "bristol" {
  name = "Bristol City Council",
  service = "Families in Focus",
  document = "000_f11e1e0f13a59c3f.txt",
  calendar = { region = "england-and-wales" },
  teams = { "north", "east_central", "south" },          -- L11, L37-L39, L93-L95
  roles = {
    "referrer",                    -- L32, L33, L41, L55
    "first_response",              -- L41
    "locality_meeting",            -- L45-L64, L164
    "fif_coordinator",             -- L158, L221
    "fif_area_manager",            -- L221
    "fsw",                         -- L112, L121 (lead professional)
    "keyworker",                   -- L112, L119-L120 (lead professional)
    "fif_social_worker",           -- L113, L137-L164
    "specialist",                  -- L209-L223
    "parenting_practitioner",      -- L227-L260
    "education_inclusion_manager", -- L380-L394
    "youth_justice_support_worker",-- L394, L397-L404
    "new_leaf_bdp_worker",         -- L394
    "area_social_worker",          -- L63, L65, L164
    "service_manager",             -- L441
    "auditor",                     -- L437-L441 [INF: the role is not named]
  },
  limits = {
    keyworker_families = 7,              -- L120
    fsw_families_average = 10,           -- L121 (soft: not enforced)
    parenting_assessment_sessions = 3,   -- L229
    iy_sessions = 16,                    -- L253
    group_sessions = 16,                 -- L257
    s85_hospital_days = 84,              -- L160
  },
  workflows = { "families_in_focus", "parenting", "weapons_drugs_school", "case_audit" },
  -- [INF] Moving to or from another authority: the document does not describe it.
  -- Managers may transfer a family out (the receiving authority opens its own
  -- case, with the chronology and its own clocks on its own calendar).
  -- L32, L41: requests for support come in through First Response.
  transfers = { out_by = { "fif_coordinator", "service_manager" }, receive = { workflow = "families_in_focus", state = "fr_submitted" } },
  demo_users = {
    { name = "Fran Response", roles = { "first_response" }, team = "north", token = "demo-bristol-first-response" },
    { name = "Lola Locality", roles = { "locality_meeting" }, team = "north", token = "demo-bristol-locality-meeting" },
    { name = "Kemi Keyworker", roles = { "keyworker" }, team = "north", token = "demo-bristol-keyworker" },
    { name = "Faye Support", roles = { "fsw" }, team = "north", token = "demo-bristol-fsw" },
    { name = "Cole Coordinator", roles = { "fif_coordinator" }, team = "north", token = "demo-bristol-fif-coordinator" },
    { name = "Sam Social", roles = { "fif_social_worker" }, team = "north", token = "demo-bristol-fif-social-worker" },
  },
}
