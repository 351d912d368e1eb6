-- workflows/durham/pre_birth_intervention.lua: One Point support to a
-- Pre-Birth Intervention Service (PBIS) plan (spec §3.9, source L2185-2334).
-- Opened by the Family Hub Team Manager when the PBIS Social Worker emails the
-- request (L2217); the Social Worker stays lead (L2193).
--
-- Spec §4.2 timers:
--   encoded: T50 L2218 (EHP allocated within 5 WD of the request), T51 L2220
--   (contact with the Social Worker within 5 WD of allocation), T52 two rules
--   (L2241 review after 6 weeks of the intervention; L2242 next 10-week plan),
--   T53 the two recurring parts (L2247 monthly case conference, L2248 TAF every
--   four to six weeks: encoded at 6 weeks), T56 L2324 (monthly supervision with
--   the Social Worker and PBIS Team Manager), T57 L2334 (monthly manager
--   oversight). T54 L2209 (maximum 2 pre-birth interventions per EHP) is a
--   guard over the engine's assignee_workflow_cases fact: the EHP's other open
--   pre-birth interventions, read and recorded when the FHTM allocates.
--   not encoded: T49 L2217 (the Social Worker's request within 5 WD of their own
--   allocation: it runs before One Point has a case, and is the SW's duty);
--   T53's gestation-week milestones (Strategy Meeting Week 29, Review and
--   Post-birth plan Week 34, L2249-2251; Post Birth Week 5, L2260) count from
--   the pregnancy, not from an event on the case; T55 L2205 (plan presented in
--   four-week segments) is a plan structure, not a deadline.
-- Not encoded (no case clock): the disagreement ladder SW/EHP -> line managers
--   -> FTM and PBIS TM -> Operations Managers (L2310-2318).

workflow "pre_birth_intervention" {
  title = "Pre-Birth Intervention Service support",
  document = "002_5f8893c51560d94f.txt",
  initial = "pbis_requested",
  opened_by = { "fhtm" },
  data = {
    family_name = text { required = true },
    pbis_social_worker = text { required = true },   -- L2217
  },
  significant = "PBIS support requested by the Social Worker",
}

state "pbis_requested" { line = 2217, title = "PBIS Social Worker's request with the Family Hub Team Manager" }
state "pbis_allocated" { line = 2218, title = "EHP allocated: contact the Social Worker" }
state "pbis_planning" { line = 2266, title = "EHP and Social Worker planning the intervention" }
state "pbis_intervention" { line = 2240, title = "Intervention Plan implemented by the EHP" }
state "pbis_closed" { line = 2260, terminal = true, title = "One Point pre-birth support ended" }

-- L2218-2220: general note "PBI support allocated to (named practitioner).
-- Contact to be made with the Social Worker within 5 working days"
record "pbis_allocation_note" {
  line = 2220,
  by = { "fhtm", "senior_key_worker" },
  fields = { general_note = text { required = true } },
}
-- L2235, L2274: the 10-week intervention plan (dates of interventions and review points, L2272)
record "intervention_plan" {
  line = 2274,
  fields = { plan_of_work = text { required = true }, review_points = text { required = true } },
}
-- L2286-2300: what every intervention record includes.
record "pbis_session" {
  line = 2286,
  fields = {
    session_date = date { required = true },      -- L2287
    present = text { required = true },           -- L2288 (including those invited who did not attend)
    location = text { required = true },          -- L2289
    aim = text { required = true },               -- L2290
    outcome = text { required = true },           -- L2294
    engagement = text {},                         -- L2298
    agreed_tasks = text {},                       -- L2300
  },
}
-- L2324: "Supervision between EHP, Social Worker and PBIST Team Manager should be held on a monthly basis."
record "pbis_supervision" {
  line = 2324,
  fields = { summary = text { required = true } },
}
-- L2334: "Any relevant developments/observations should be recorded by the manager"
record "pbis_oversight_note" {
  line = 2334,
  by = { "fhtm", "senior_key_worker" },   -- L2332: FHTM "(or in exceptional circumstances Senior Key Workers)"
  fields = { observations = text { required = true } },
}

timescale "T50_pbis_allocation_5wd" {
  line = 2218,  -- L2218: "The Family Hub Team Manager will allocate the family to an Early Help Practitioner within 5 working days"
  what = "EHP allocated to the pre-birth intervention (5 working days of the request)",
  within = working_days(5),
  from = { "open" },
  satisfied_by = { "allocate_pbis_ehp" },
}
timescale "T51_contact_sw_5wd" {
  line = 2220,  -- L2220: "Contact to be made with the Social Worker within 5 working days"
  what = "EHP contacts the PBIS Social Worker (5 working days of allocation)",
  within = working_days(5),
  from = { "allocate_pbis_ehp" },
  satisfied_by = { "contact_social_worker" },
}
timescale "T52_progress_review_6_weeks" {
  line = 2241,  -- L2241: "Progress reviewed after 6 weeks of the intervention by EHP and SW."
  what = "Intervention progress reviewed by the EHP and Social Worker (6 weeks)",
  within = weeks(6),
  from = { "agree_intervention_plan", "agree_next_plan" },
  satisfied_by = { "review_intervention" },
}
timescale "T52_next_plan_10_weeks" {
  line = 2242,  -- L2235: "10 Week intervention plan agreed."; L2242: "Next 10 week intervention plan agreed."
  what = "Next 10-week Intervention Plan agreed",
  every = weeks(10),
  from = { "agree_intervention_plan" },
  satisfied_by = { "agree_next_plan" },
}
timescale "T53_case_conference_monthly" {
  line = 2247,  -- L2247: "Monthly Case Conference Calls/Meetings between SW, Team Manager PBIS & EHP."
  what = "Case conference call or meeting (monthly)",
  every = months(1),
  from = { "agree_intervention_plan" },
  satisfied_by = { "case_conference" },
  note = "The document places it in Weeks 16-36 of pregnancy; run from the first plan [INF]",
}
timescale "T53_taf_6_weeks" {
  line = 2248,  -- L2248: "TAF Meetings every four to six weeks."
  what = "TAF meeting (at most every six weeks)",
  every = weeks(6),
  from = { "agree_intervention_plan" },
  satisfied_by = { "pbis_taf" },
}
timescale "T56_joint_supervision_monthly" {
  line = 2324,  -- L2324
  what = "Supervision between the EHP, Social Worker and PBIS Team Manager (monthly)",
  every = months(1),
  from = { "allocate_pbis_ehp" },
  satisfied_by = { "record:pbis_supervision" },
}
timescale "T57_manager_oversight_monthly" {
  line = 2334,  -- L2334: "Managers are expected to have oversight of all their practitioner PBIS families on a monthly basis"
  what = "Family Hub Team Manager oversight of the PBIS family (monthly)",
  every = months(1),
  from = { "allocate_pbis_ehp" },
  satisfied_by = { "record:pbis_oversight_note" },
}

action "allocate_pbis_ehp" {
  line = 2218,  -- L2218; L2193: "a dedicated Early Help Practitioner from our Family Hub Team"
  title = "Allocate an Early Help Practitioner to the pre-birth intervention",
  from = "pbis_requested", by = { "fhtm" },
  input = {
    ehp = user { required = true, role = "ehp" },
  },
  creates = "pbis_allocation_note",
  facts = { "assignee_workflow_cases" },
  guards = {
    -- L2209: "each Early Help Practitioner will be allocated a maximum of 2 pre-birth interventions at any given time"
    { line = 2209, reason = "the Early Help Practitioner already has 2 pre-birth interventions",
      check = function(case, input, facts) return facts.assignee_workflow_cases < 2 end },
  },
  assign = "ehp",
  to = "pbis_allocated",
  significant = "PBI support allocated",
}
action "contact_social_worker" {
  line = 2220,  -- L2220
  title = "Contact the PBIS Social Worker",
  from = "pbis_allocated", by = { "assigned" },
  set = { sw_contacted = true },
}
action "planning_meeting" {
  line = 2266,  -- L2266: "the Early Help Practitioner must meet with the PBIS Social Worker to discuss the danger posed to the unborn baby"
  title = "EHP and Social Worker meet to plan the intervention",
  from = "pbis_allocated", by = { "assigned" },
  input = {
    dangers_discussed = boolean { required = true },   -- L2268
    communications_plan = text { required = true },    -- L2271
  },
  guards = {
    { line = 2266, reason = "the danger to the unborn child must be discussed before interventions are delivered",
      check = function(case, input) return input.dangers_discussed == true end },
  },
  to = "pbis_planning",
}
action "agree_intervention_plan" {
  line = 2235,  -- L2235: "10 Week intervention plan agreed."
  title = "10-week Intervention Plan agreed",
  from = "pbis_planning", by = { "assigned" },
  creates = "intervention_plan",
  to = "pbis_intervention",
  significant = "Intervention Plan agreed",
}
action "pbis_joint_home_visit" {
  line = 2236,  -- L2236: "EHP and SW undertake a joint home visit to the family."
  title = "Joint home visit with the Social Worker",
  from = { "pbis_planning", "pbis_intervention" }, by = { "assigned" },
}
action "review_intervention" {
  line = 2241,  -- L2241; L2308: review points with the Social Worker
  title = "Progress reviewed with the Social Worker",
  from = "pbis_intervention", by = { "assigned" },
  input = { progress = text { required = true } },
}
action "agree_next_plan" {
  line = 2242,  -- L2242
  title = "Next 10-week Intervention Plan agreed",
  from = "pbis_intervention", by = { "assigned" },
  creates = "intervention_plan",
}
action "case_conference" {
  line = 2247,  -- L2247
  title = "Monthly case conference call/meeting",
  from = "pbis_intervention", by = { "assigned", "fhtm" },
}
action "pbis_taf" {
  line = 2248,  -- L2248; L2193: "The EHP will become a member of the Team Around the Family"
  title = "TAF meeting",
  from = "pbis_intervention", by = { "assigned" },
}
action "end_pbis_support" {
  line = 2260,  -- [INF] support ends after the post-birth stage (L2260) or a safeguarding decision (L2203)
  title = "End One Point pre-birth support",
  from = { "pbis_allocated", "pbis_planning", "pbis_intervention" }, by = { "fhtm" },
  input = { reason = text { required = true } },
  to = "pbis_closed",
}
