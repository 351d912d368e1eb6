-- authorities/bexley.lua: London Borough of Bexley, Family Wellbeing Service.
-- Source: shared/seeds/001_ffc5b7c3d3b89531.txt ("Family Wellbeing Procedures
-- and Practice Guidance", May 2018 v3). L<n> = `cat -n` line of that file.
-- Spec: shared/spec/bexley.md.
--
-- Roles use the spec's ids (spec §2). The spec's generic `fw_manager`
-- ("a Family Wellbeing manager": the service manager or a team manager, L118)
-- is not a separate role here: workflows list the concrete manager roles
-- (team_manager, service_manager, and duty_manager, the manager on duty,
-- L205/L233). The spec's `receiving_manager` / `releasing_manager` (L227,
-- L229) are the FW manager on the FWS side of a transfer, so they are the
-- same manager roles. Calendar: the document declares no closure days.
authority "bexley" {
  name = "London Borough of Bexley",
  service = "Family Wellbeing Service",
  document = "001_ffc5b7c3d3b89531.txt",
  calendar = { region = "england-and-wales" },
  teams = { "central", "north", "south" },            -- L149: "three localities, central, north and south"
  roles = {
    "mash_practitioner",            -- L197: Front Door-MASH practitioner, initial decision a/b/c
    "mash_manager",                 -- L985: final decision on a contact the FWS rep reviewed
    "fws_mash_rep",                 -- L983-L985: FWS representative based in MASH
    "duty_manager",                 -- L205, L233: FWS manager on duty; accepts and allocates
    "team_manager",                 -- L118: two team managers
    "service_manager",              -- L118: FWS service manager; co-chairs transfer panel (L223)
    "head_of_service",              -- L128: notified when demand exceeds capacity
    "key_worker",                   -- L118: 16 Family Key Workers
    "duty_key_worker",              -- L565, L991: takes IAPT phone referrals
    "transfer_panel",               -- L211, L223: weekly transfer panel, decision final
    "csc_social_worker",            -- L211, L501, L564: CSC social worker (step-down; EHC/IAPT referrals)
    "emotional_health_counsellor",  -- L120, L341: three counsellors, ages 10-18
    "iapt_practitioner",            -- L560: CYP-IAPT practitioners
  },
  -- L128: "should not have caseloads exceeding 25 children per full time family
  -- Key Worker (Pro-rata for part time staff)"; "the service can work with up
  -- to 400 families"
  limits = { key_worker_children = 25, service_families = 400 },
  workflows = { "family_wellbeing", "emotional_health", "iapt" },
  -- [INF] Moving to or from another authority: the document does not describe it.
  -- Managers may transfer a family out (the receiving authority opens its own
  -- case, with the chronology and its own clocks on its own calendar).
  -- L197: "All referrals whether new or re-referrals need to be made through Children's
  -- Services Front Door-MASH": a family moving in is received as a contact.
  transfers = { out_by = { "team_manager", "service_manager", "duty_manager" }, receive = { workflow = "family_wellbeing", state = "contact_received" } },
  demo_users = {
    { name = "Morgan Mash", roles = { "mash_practitioner" }, team = "central", token = "demo-bexley-mash-practitioner" },
    { name = "Dana Duty", roles = { "duty_manager" }, team = "central", token = "demo-bexley-duty-manager" },
    { name = "Terry Manager", roles = { "team_manager" }, team = "north", token = "demo-bexley-team-manager" },
    { name = "Kim Keyworker", roles = { "key_worker" }, team = "north", token = "demo-bexley-key-worker" },
    { name = "Pat Panel", roles = { "transfer_panel" }, team = "central", token = "demo-bexley-transfer-panel" },
    { name = "Cass Counsellor", roles = { "emotional_health_counsellor" }, team = "central", token = "demo-bexley-emotional-health-counsellor" },
  },
}
