-- authorities/durham.lua: Durham County Council, One Point Service (OPS).
-- Source: shared/seeds/002_5f8893c51560d94f.txt ("One Point Operating
-- Procedures", effective "As of October 2023", L374/L376). Lines cited as L<n>
-- are `cat -n` line numbers of that file; the map is shared/spec/durham.md.
--
-- Teams: the document names no localities. It describes seven Intensive
-- Family Support Teams (L319-321), fifteen Family Hubs (L323-325) and the
-- First Contact / Early Help Triage front door (L364-376). The teams below
-- are those three service areas [INF: individual IFSTs and Hubs are unnamed].
-- Closures: the document declares none, so only England and Wales bank
-- holidays apply (working days are not defined by the document: spec §3.0).
authority "durham" {
  name = "Durham County Council",
  service = "One Point Service (Early Help)",        -- L271
  document = "002_5f8893c51560d94f.txt",
  calendar = { region = "england-and-wales" },
  teams = {
    "first_contact",   -- L364-366: First Contact / Early Help Triage (includes the MASH, L370)
    "ifst",            -- L319-321: Intensive Family Support Teams (seven)
    "family_hub",      -- L323-325: Family Hubs (fifteen)
  },
  roles = {
    -- First Contact / triage (spec §2.1)
    "first_contact_officer",            -- L374, L445: completes the contact form, transfers EH requests
    "first_contact_social_worker",      -- L394: triages safeguarding referrals as requiring Early Help
    "fcswc",                            -- L398: First Contact Social Work Consultant (Step 2 overturn)
    "first_contact_manager",            -- L408: Step 4 conversation
    "first_contact_strategic_manager",  -- L414: Step 5 conversation
    "ehtw",                             -- L374, L376: Early Help Triage Worker
    "sehtw",                            -- L374, L398: Senior Early Help Triage Worker
    -- One Point Service: IFST (spec §2.2)
    "ifst_team_manager",                -- L476: IFS Team Manager
    "senior_key_worker",                -- L476, L517: Senior Key Worker
    "key_worker",                       -- L490, L494: Key Worker
    "family_worker",                    -- L517-530: Family Worker
    -- One Point Service: Family Hub (spec §2.3)
    "fhtm",                             -- L599: Family Hub Team Manager ("Family Hub Manager", "FCTM")
    "ehp",                              -- L599, L607: Early Help Practitioner
    "ewbw",                             -- L657: Emotional Wellbeing Worker
    -- One Point management (spec §2.4)
    "operations_manager",               -- L402, L1782: OPS (Locality) Operations Manager
    "ops_strategic_manager",            -- L414-418: OPS Strategic Manager
    -- Partners named as actors (spec §2.5)
    "team_coordinator",                 -- L1537, L1543: Families First Team Co-ordinator (Step Up/Down meeting)
    "families_first_manager",           -- L1583, L1591: Families First Team Manager / SW Consultant
    "yps_cwd_manager",                  -- L1599-1601: ASET/YPS or Children with Disabilities Team Manager
    "send_caseworker",                  -- L2062-2068: SEND Caseworker / SEND Business Services (Social Care Advice requests)
  },
  limits = {
    -- L490: "Where possible we aim to ensure Key Workers have a caseload of
    -- approximately 25 children and young people."
    key_worker_children = 25,
    -- L529-530: "Where possible we aim to ensure Family Workers have a caseload
    -- of approximately 25 children and young people."
    family_worker_children = 25,
  },
  workflows = {
    "one_point",              -- the early help episode (spec §3.1-3.8)
    "family_worker",          -- IFST Family Worker sub-process (spec §3.3.1), spawned by one_point
    "social_care_advice",     -- SEND Social Care Advice for an EHC needs assessment (spec §3.9), spawned or opened by SEND
    "return_home_interview",  -- Return to Home Interview after a missing episode (spec §3.9), spawned by one_point
    "full_circle",            -- Full Circle non-SGO workflow (spec §3.9), spawned by one_point
    "pre_birth_intervention", -- Pre-Birth Intervention Service support (spec §3.9), opened by the FHTM
    "hv_non_lead",            -- Health Visitor request: non-lead Family Hub work (spec §3.4), opened by the FHTM
  },
  -- [INF] Moving to or from another authority: the document does not describe it.
  -- Managers may transfer a family out (the receiving authority opens its own
  -- case, with the chronology and its own clocks on its own calendar).
  -- L374, L445: requests come in through First Contact.
  transfers = { out_by = { "operations_manager", "ifst_team_manager", "fhtm" }, receive = { workflow = "one_point", state = "fc_contact_received" } },
  demo_users = {
    { name = "Erin Triage", roles = { "ehtw" }, team = "first_contact", token = "demo-durham-ehtw" },
    { name = "Ian Manager", roles = { "ifst_team_manager" }, team = "ifst", token = "demo-durham-ifst-team-manager" },
    { name = "Sam Senior", roles = { "senior_key_worker" }, team = "ifst", token = "demo-durham-senior-key-worker" },
    { name = "Kay Worker", roles = { "key_worker" }, team = "ifst", token = "demo-durham-key-worker" },
    { name = "Hana Hub", roles = { "fhtm" }, team = "family_hub", token = "demo-durham-fhtm" },
    { name = "Pat Practitioner", roles = { "ehp" }, team = "family_hub", token = "demo-durham-ehp" },
  },
}
