-- workflows/bexley/family_wellbeing.lua: Bexley Family Wellbeing Service episode.
--
-- Source: shared/seeds/001_ffc5b7c3d3b89531.txt (L<n> = `cat -n` line).
-- Spec:   shared/spec/bexley.md (states §3, timescales §4, records §6,
--         ambiguities §8). State, action and timescale ids follow the spec;
--         timescales keep the spec's T-number as prefix.
--
-- [DOC] = the document states it; [INF] = inference or proposed encoding.
--
-- Pathway [DOC]: contact at Front Door-MASH, decision a/b/c within 24 hours
-- (L197-L201); FWS inbox review, a secondary safety check (L201-L203); duty
-- manager accepts with written consent and eligibility and opens the E.H.M.
-- episode (L195, L181-L191, L205); allocation with a case allocation note
-- (L233-L237); introductory visit (L241, L605, L611-L618); wellbeing
-- assessment authorised by a manager (L245-L257); signposting (L261); initial
-- planning meeting and plan (L265-L272, L691); visits, reviews and manager
-- reviews (L278-L286); ending (L292-L294), disengagement (L296), closure by a
-- manager (L298) with the mandatory records (L302-L315, L319). Step-up to
-- CSC: in need through the next weekly transfer panel (L217, L223-L227);
-- significant harm through Front Door-MASH at once (L219). Step-down from CSC:
-- entry state `stepdown_requested` (L211, L223, L227). Sub-processes:
-- refer_to_ehc spawns workflow "emotional_health" (Appendix 9), refer_to_iapt
-- spawns workflow "iapt" (Appendix 10).
--
-- Structure [INF]: the split between assessment_in_progress and
-- assessment_awaiting_authorisation (the L257 deadline is for an *authorised*
-- assessment); return to the prior state after "no CSC referral" (A16) and
-- after re-engagement (A19); panel decline of a step-down is terminal
-- `stepdown_declined`; step-down enters `allocated` after the handover (A26).
-- The spec's `family_declines` (at the introductory stage) and
-- `family_disengages` are one action, family_disengages, from `allocated`
-- through `plan_active`. The closure check (L298 "completed to a good
-- standard", A20) is the L302-L315 list by path: allocation note and closure
-- summary always; a case note per visit, minutes per planning/review meeting,
-- a record per direct-work session, a genogram once visits began, and on a
-- transfer the transfer summary and the ending letter (L227); the ending path
-- needs the closure letter and, if a meeting was held, feedback forms (L319).
--
-- Two rules for the same thing, both encoded: T04 (L205) / T05 (L233)
-- allocation; T02 (L205 every working day / L233 every day); T11 (L278,
-- visits after the planning meeting) / T12 (L616, visits a minimum of every
-- 20 working days); T07 (L241, 5 days of allocation) / T08 (L605, 5 working
-- days of the referral date).
--
-- Capacity (L128): 25 children per full-time key worker, pro rata, is a guard
-- on allocation over the engine fact assignee_children. 400 families is NOT a
-- refusal ("The service will not operate a waiting list"): accepting beyond it
-- records the Head of Service notification in case data
-- (head_of_service_notified) and the Head of Service may record a decision
-- (record_capacity_decision). The fact used is open_cases (the other open
-- cases of this workflow; this family is added), which also counts contacts
-- still at MASH or in the inbox and step-down requests: the engine has no
-- narrower fact, so the count is an upper bound [INF].
--
-- Timescales (spec §4.1, 25 rows T01-T25): encoded T01, T02 (twice: L205
-- "every working day" and L233 "every day ... daily"), T03-T18, T21-T25.
-- Not encoded:
--   T19 (L729, break if a meeting exceeds 2 hours): a facilitation rule inside
--       a meeting, not a case obligation (spec: "n/a").
--   T20 (L215, key worker alerts a manager "immediately"): the anchor (the
--       worker's judgement that difficulties are worsening) is not a system
--       event; the alert itself is the raise_concern action, open to the key
--       worker from every working state.
-- Deviations from the spec's proposals (§8):
--   A1: T04 (L205, 72 hours) runs from accept_referral (creating the
--       episode); T05 (L233, "72 hours (3 working days) of receipt") runs from
--       the referral's receipt in the FWS referral inbox (enter:fws_inbox_review,
--       L201/L233: the manager monitors "the incoming referral inbox"), not
--       from episode creation as A1 proposes: the two rules then differ in
--       both anchor and unit, as written.
--   A2: T06 (L426 "3 days") and T07 (L241 "5 days") are calendar days as
--       written (DESIGN §3 "within N days"); the spec reads them as working
--       days. T08 (L605) is 5 working days as written. All three run as
--       separate clocks. T07 is extendable by a manager ("or as directed by
--       the manager", L241).
--   T02 is encoded twice because L205 and L233 state the duty cover
--       differently (A14 proposes working days only).
--   T22 "immediately" (L219) is encoded as 24 hours [INF]: the document gives
--       no duration; 24 hours is its only clock for Front Door-MASH (L197).
--   T24 "in supervision or immediately if this appears urgent" (L296) is
--       encoded as 20 working days [INF], the longest gap between supervisions
--       (L331 "no less than every four weeks (20 working days)").
--   T25 (L227, handover by the transfer date agreed at panel): the language
--       computes due dates from fixed durations only, so T25 defaults to 7
--       days [INF] (one weekly panel cycle; L223 "should not be subject to
--       dispute or delay") and the panel moves it to the agreed date with
--       extend_timescale (cap 28 days [INF]).
--   T21 "next weekly transfer panel" (L217) = 7 days [INF]; T23 (weekly
--       panel, L211/L223) is encoded case-level for step-downs: decided at
--       the next weekly panel, 7 days [INF].
--   T15 "up to 6 months" (L100): 6 months from the episode, a flag on breach
--       (service_period_exceeded), no automatic closure (A4).
--
-- Not encoded (staff-level, not case-level): individual supervision every
-- four weeks / 4 weekly / monthly (L331, L851, L864); group supervision 2
-- weekly vs 6 weekly (L331, L853, L881, L907; A8); audits, 6 a month, 2 per
-- manager, practice observations (L333, L895; A10); Appendix 3 QA cadences
-- (L372-L380); managers meetings weekly, team meetings 3 weekly, leadership
-- message monthly, coffee mornings 8 weekly (L849-L854); quarterly
-- performance conversations (L806-L811); Christmas staffing of 50% (L821);
-- FWS MASH representative hours Mon-Fri 10am-2pm (L983); Family Togetherness
-- weekly workshops (L110).

-- Family Wellbeing managers (spec `fw_manager`: service manager or team
-- manager, L118; the duty manager is the FW manager on duty, L205, L233).
local MANAGERS = { "duty_manager", "team_manager", "service_manager" }

-- States in which a key worker is working with the family.
local WORK_STATES = {
  "allocated", "assessment_in_progress", "assessment_awaiting_authorisation",
  "awaiting_initial_planning_meeting", "plan_active", "ending_in_progress",
  "signposting_handover",
}
-- Every open state with a key worker, including escalation and transfer
-- states (obligations continue until the handover, A18).
local KW_OPEN_STATES = {
  "allocated", "assessment_in_progress", "assessment_awaiting_authorisation",
  "awaiting_initial_planning_meeting", "plan_active", "ending_in_progress",
  "signposting_handover", "concern_escalated", "step_up_panel_pending", "urgent_step_up",
  "transfer_agreed_awaiting_handover", "disengagement_review",
}
-- Visits after the introductory visit (the first visit is record_introductory_visit).
local VISIT_STATES = {
  "assessment_in_progress", "assessment_awaiting_authorisation",
  "awaiting_initial_planning_meeting", "plan_active", "ending_in_progress",
  "signposting_handover", "concern_escalated", "step_up_panel_pending", "urgent_step_up",
  "transfer_agreed_awaiting_handover", "disengagement_review",
}
-- States a manager's "no CSC referral" / "family re-engages" may return to.
local RETURN_STATES = {
  "allocated", "assessment_in_progress", "assessment_awaiting_authorisation",
  "awaiting_initial_planning_meeting", "plan_active", "ending_in_progress",
  "signposting_handover", "disengagement_review",
}

-- The seven qualifying factors (L183-L189; L181 says "four" but lists seven, A11).
local FACTORS = {
  domestic_abuse = true,               -- L183
  mental_ill_health = true,            -- L184
  learning_needs_or_disability = true, -- L185
  drug_or_alcohol_misuse = true,       -- L186
  school_exclusion_or_attendance = true, -- L187
  low_level_neglect = true,            -- L188
  physical_chastisement = true,        -- L189
}

-- Records on a case: case.records[type] is a list; each entry carries its
-- fields (accept either the fields table itself or { fields = ... }).
local function recs(case, rtype)
  return (case.records and case.records[rtype]) or {}
end
local function fld(r, k)
  if type(r.fields) == "table" then return r.fields[k] end
  return r[k]
end
local function member_by_id(case, id)
  for _, m in ipairs(case.members or {}) do
    if m.id == id then return m end
  end
  return nil
end

workflow "family_wellbeing" {
  title = "Family Wellbeing Service episode",
  document = "001_ffc5b7c3d3b89531.txt",
  initial = "contact_received",
  -- L197: every referral and re-referral is recorded at Front Door-MASH;
  -- L211: a CSC social worker presents a step-down at the transfer panel.
  -- [INF] the engine cannot tie an opening role to an entry state: a MASH
  -- practitioner opens into contact_received, a CSC social worker into
  -- stepdown_requested.
  opened_by = { "mash_practitioner", "csc_social_worker" },
  data = {
    referrer = text { required = true, label = "Referrer (name/organisation) or 'self'" },   -- L195, L417
    referral_route = enum { "self_referral", "professional_referral", "csc_step_down", required = true,
      label = "Route" },                                                                      -- L195, L211
    written_consent = boolean { required = true, label = "Explicit written consent of parent/carer" }, -- L195
    re_referral = boolean { label = "Re-referral" },                                           -- L197
    presenting_need = text { label = "Need as presented" },
  },
  significant = "Contact received at Front Door-MASH",
}

-------------------------------------------------------------------------------
-- States (spec §3)
-------------------------------------------------------------------------------
state "contact_received" { line = 197, title = "Contact received at Front Door-MASH (Contact Record on L.C.S.)" }
state "stepdown_requested" { line = 211, entry = true, title = "Step-down from CSC presented at weekly transfer panel" }
state "signposted_at_intake" { line = 199, terminal = true, title = "Signposted at intake (option a)" }
state "redirected_to_csc_at_intake" { line = 200, terminal = true, title = "Redirected to Children's Social Care at intake (option b)" }
state "fws_inbox_review" { line = 201, title = "In the FWS referral inbox: manager's secondary safety check" }
state "awaiting_allocation" { line = 205, title = "Referral accepted, wellbeing episode open on E.H.M., awaiting allocation" }
state "allocated" { line = 241, title = "Key worker allocated, awaiting introductory visit" }
state "assessment_in_progress" { line = 245, title = "Wellbeing assessment in progress" }
state "assessment_awaiting_authorisation" { line = 257, title = "Assessment written up, awaiting manager authorisation" }
state "awaiting_initial_planning_meeting" { line = 265, title = "Assessment authorised, awaiting initial wellbeing planning meeting" }
state "plan_active" { line = 278, title = "Wellbeing plan in delivery" }
state "signposting_handover" { line = 261, title = "Signposting agreed: handover to the identified service" }
state "ending_in_progress" { line = 292, title = "Ending: ending meeting and closure letter" }
state "concern_escalated" { line = 215, title = "Worries increasing: manager deciding whether a CSC referral is required" }
state "step_up_panel_pending" { line = 217, title = "Step-up (in need): for the next weekly transfer panel" }
state "urgent_step_up" { line = 219, title = "Step-up (significant harm): through Front Door-MASH, strategy discussion" }
state "transfer_agreed_awaiting_handover" { line = 227, title = "Transfer to CSC agreed: awaiting handover" }
state "disengagement_review" { line = 296, title = "Family refuses or disengages: manager review" }
state "stepdown_awaiting_handover" { line = 227, title = "Step-down agreed at panel: awaiting handover" }
state "stepdown_declined" { line = 223, terminal = true, title = "Step-down not agreed at panel (case stays with CSC)" }
state "closure_pending" { line = 298, title = "Awaiting manager closure of the E.H.M. record" }
state "closed" { line = 298, terminal = true, title = "Closed on E.H.M." }

-------------------------------------------------------------------------------
-- Records (spec §6)
-------------------------------------------------------------------------------
-- L205: the duty manager converts the Contact Record into a FW 'Referral'.
-- L195/L181-L191: consent and eligibility checked on acceptance.
record "fw_referral" {
  line = 205,
  by = MANAGERS,
  fields = {
    factors = list { required = true, label = "Qualifying factors at tier three (L183-L189)" },
    tier_three = boolean { required = true, label = "Need sits at tier three (L181)" },
    not_in_need_or_at_risk = boolean { required = true, label = "Not assessed 'in need' or 'at risk of harm' (L191)" },
  },
}
-- L233-L237: case allocation note. The allocated key worker's name (L235) is
-- the action's key_worker (the case assignment).
record "allocation_note" {
  line = 233,
  by = MANAGERS,
  fields = {
    children_count = integer { required = true, min = 0, label = "Number of children or young people (L236)" },
    needs_summary = text { required = true, label = "Summary of need(s) known at referral (L236)" },
    wellbeing_scaling = integer { required = true, min = 0, max = 10, label = "Signs of Wellbeing scaling (L236)" },
    initial_visit_by = date { required = true, label = "(a) initial conversation/visit (L237)" },
    assessment_by = date { required = true, label = "(b) completion of the wellbeing assessment (L237)" },
    planning_meeting_by = date { required = true, label = "(c) first family planning meeting (L237)" },
    case_review_by = date { required = true, label = "(d) 3 month case review with a manager (L237)" },
    key_worker_fte = number { min = 0.1, max = 1, label = "Key worker's FTE, for the pro-rata cap (L128)" },
  },
}
-- Appendix 6 (L398-L432): case allocation letter; uploaded letters (L311).
record "allocation_letter" {
  line = 398,
  by = { "assigned", "duty_manager", "team_manager", "service_manager" },
  fields = {
    referral_received_on = date { required = true },   -- L417
    referrer = text { required = true },                -- L417
    supervisor = text { required = true },              -- L424
  },
}
-- L207: an answerphone message left outside office hours.
record "answerphone_message" {
  line = 207,
  fields = { caller = text { required = true }, message = text { required = true } },
}
-- L611-L618: introductory visit record.
record "intro_visit_record" {
  line = 611,
  by = { "assigned" },
  fields = {
    consent_confirmed = boolean { required = true, label = "Parent/carer confirmed consent to the referral (L614)" },
    service_explained = boolean { required = true, label = "Service explained (L615)" },
    visit_pattern_agreed = text { label = "Where visits will be, at least every 20 working days (L616)" },
    partner_consent = boolean { label = "Consent to contact partner agencies (L618)" },
  },
}
-- L302, L749-L776: visit case note, stating the visit type.
record "case_note" {
  line = 302,
  by = { "assigned", "duty_manager", "team_manager", "service_manager" },
  fields = {
    visit_type = text { required = true, label = "Visit type (L302)" },
    child_seen_alone = boolean { label = "Child/ren seen alone (L751)" },
    present = text {},                  -- L752
    location = text {},                 -- L753
    purpose = text {},                  -- L754
    worries = text {},                  -- L755
    observations = text {},             -- L757
    child_says = text {},               -- L759
    parents_say = text {},              -- L760
    analysis = text {},                 -- L763
    scale = integer { min = 0, max = 10 }, -- L770
    next_steps = text {},               -- L774
  },
}
-- L305: genogram and ecomap (or equivalent).
record "genogram_ecomap" { line = 305, by = { "assigned" }, fields = { summary = text { required = true } } }
-- L245-L257, L249-L253, Appendix 5: the wellbeing assessment.
record "wellbeing_assessment" {
  line = 245,
  by = { "assigned" },
  fields = {
    network = text { required = true },          -- L249
    going_well = text { required = true },       -- L250
    worries = text { required = true },          -- L251
    needs_to_change = text { required = true },  -- L252
    help_needed = text { required = true },      -- L253
    analysis = text {},                          -- L685
  },
}
-- L265-L272, L691: the wellbeing plan; "Each child must have their own plan".
record "wellbeing_plan" {
  line = 691,
  by = { "assigned" },
  fields = {
    child = member { required = true, role = "child" },   -- L691
    actions = text { required = true },                    -- L267
    team_around_family = text {},                          -- L268
    outcome_measures = text {},                            -- L270
    visit_frequency = text {},                             -- L271
    review_date = date {},                                 -- L272
  },
}
-- L741, L310, L711-L721: minutes of planning and review meetings.
record "meeting_minutes" {
  line = 741,
  by = { "assigned", "duty_manager", "team_manager", "service_manager" },
  fields = {
    meeting = enum { "initial_planning", "review", "ending", required = true },
    minutes = text { required = true },
    review_date = date {},   -- L721
  },
}
-- L796, L312: direct work.
record "direct_work" {
  line = 796,
  by = { "assigned" },
  fields = { summary = text { required = true }, analysis = text {} },
}
-- L319, L739, L313: feedback forms.
record "feedback_form" {
  line = 319,
  fields = { form = enum { "service_user", "partner", required = true }, given_to = text {} },
}
-- L225, L314: transfer summary.
record "transfer_summary" {
  line = 225,
  by = { "assigned", "duty_manager", "team_manager", "service_manager" },
  fields = {
    family_history = text { required = true },
    worries = text { required = true },
    strengths = text { required = true },
    what_needs_to_happen = text { required = true },
  },
}
-- L221: the manager's judgement on informing the family of step-up worries.
record "family_information_decision" {
  line = 221,
  by = MANAGERS,
  fields = {
    family_informed = enum { "informed", "withheld_risk", required = true },
    judgement = text { required = true },
  },
}
-- L219: key worker and manager contribute to the strategy discussion.
record "strategy_contribution" {
  line = 219,
  by = { "assigned", "duty_manager", "team_manager", "service_manager" },
  fields = {
    contribution = enum { "contributed", "attended_meeting", required = true },
    summary = text { required = true },
  },
}
-- L261: signposting handover (consent and information agreed with family).
record "signposting_handover_record" {
  line = 261,
  by = { "assigned" },
  fields = {
    service = text { required = true },
    parental_consent = boolean { required = true },
    info_agreed_with_family = boolean {},
  },
}
-- L227: handover visit/meeting on transfer.
record "handover_record" {
  line = 227,
  by = { "assigned", "duty_manager", "team_manager", "service_manager" },
  fields = { new_worker = text { required = true }, notes = text {} },
}
-- L294, Appendix 7 (L436-L472): closure letter with the final plan and exit
-- plan; L227: the ending letter after a transfer uses the same appendix.
record "closure_letter" {
  line = 294,
  by = { "assigned", "duty_manager", "team_manager", "service_manager" },
  fields = {
    kind = enum { "closure", "ending_after_transfer", required = true },
    exit_plan = text { required = true },           -- L457-L461
    includes_final_plan = boolean {},               -- L294
  },
}
-- L314: case, transfer and closure summaries.
record "closure_summary" {
  line = 314,
  by = { "assigned", "duty_manager", "team_manager", "service_manager" },
  fields = {
    outcome = enum {
      "goals_achieved", "family_feels_improved", "family_no_longer_wants_or_needs_service",
      "signposted_after_assessment", "transferred_to_csc_in_need",
      "transferred_to_csc_significant_harm", "family_disengaged_no_csc_referral",
      required = true },
    summary = text { required = true },
  },
}
-- L315, L323-L329: supervision notes and management oversight.
record "supervision_note" {
  line = 315,
  by = MANAGERS,
  fields = {
    oversight_point = enum { "allocation", "assessment_completion", "first_plan", "transfer", "closure", "other", required = true },
    summary = text { required = true },
  },
}
-- L100 / A4 [INF]: a manager's rationale for working beyond 6 months.
record "continuation_rationale" {
  line = 100,
  by = MANAGERS,
  fields = { rationale = text { required = true } },
}

-------------------------------------------------------------------------------
-- Timescales (spec §4.1)
-------------------------------------------------------------------------------
-- L197: "make an initial decision ... within 24 hours of receiving the information"
timescale "T01_mash_decision_24h" {
  line = 197,
  what = "Front Door-MASH initial decision a/b/c",
  within = hours(24),
  from = "enter:contact_received",
  satisfied_by = { "mash_signpost", "mash_redirect_csc", "mash_route_to_fws", "mash_manager_decision" },
  note = "A15: literal 24 clock hours",
}
-- L205: "a manager on duty every working day (9am to 5pm) to review all incoming referrals"
timescale "T02_inbox_review_working_day" {
  line = 205,
  what = "Duty manager reviews the referral in the FWS inbox (every working day)",
  within = working_days(1),
  from = "enter:fws_inbox_review",
  satisfied_by = { "accept_referral", "fws_signpost", "fws_redirect_csc" },
  note = "[INF] daily review: a referral in the inbox is reviewed by the end of the next working day",
}
-- L233: "on duty every day and responsible for monitoring the incoming referral inbox ... on a daily basis"
timescale "T02_inbox_review_daily" {
  line = 233,
  what = "Duty manager reviews the referral in the FWS inbox (every day, daily)",
  within = days(1),
  from = "enter:fws_inbox_review",
  satisfied_by = { "accept_referral", "fws_signpost", "fws_redirect_csc" },
  note = "L233 says 'every day' where L205 says 'every working day' (A14): both encoded",
}
-- L207: "messages will be responded to on the next working day"
timescale "T03_answerphone_next_working_day" {
  line = 207,
  what = "Respond to an out-of-hours answerphone message",
  within = working_days(1),
  from = "record:answerphone_message",
  satisfied_by = "respond_to_answerphone_message",
}
-- L205: "allocated a Family Key Worker within 72 hours of creating the Family Wellbeing Service episode"
timescale "T04_allocation_72h_of_episode" {
  line = 205,
  what = "Key worker allocated (72 hours of creating the episode)",
  within = hours(72),
  from = "accept_referral",
  satisfied_by = "allocate_key_worker",
  note = "L205 and L233 state two rules (A1): both encoded; this is the L205 one",
}
-- L233: "allocated to a Key Worker within 72 hours (3 working days) of receipt"
timescale "T05_allocation_3wd_of_receipt" {
  line = 233,
  what = "Key worker allocated (72 hours (3 working days) of receipt)",
  within = working_days(3),
  from = "enter:fws_inbox_review",
  satisfied_by = "allocate_key_worker",
  note = "L233 and L205 state two rules (A1): both encoded; receipt = arrival in the FWS referral inbox",
}
-- L426: "(name of keyworker) will contact you within 3 days to arrange to meet"
timescale "T06_first_contact_3_days" {
  line = 426,
  what = "Key worker contacts the family to arrange to meet (allocation letter)",
  within = days(3),
  from = { "allocate_key_worker", "stepdown_handover_held" },
  satisfied_by = { "record_first_contact", "record_introductory_visit" },
  note = "'3 days' as written (calendar days); spec A2 reads working days",
}
-- L241: "arrange an introductory visit within 5 days (or as directed by the manager) of being allocated"
timescale "T07_intro_visit_5_days" {
  line = 241,
  what = "Introductory visit (5 days of allocation, or as directed by the manager)",
  within = days(5),
  from = { "allocate_key_worker", "stepdown_handover_held" },
  satisfied_by = "record_introductory_visit",
  extendable = { by = MANAGERS, cap = working_days(20), line = 241 },
  note = "'5 days' as written; 'as directed by the manager' = extend_timescale; cap [INF] 20 working days",
}
-- L605: "arrange an introductory visit within 5 working days of the referral date"
timescale "T08_intro_visit_5wd_of_referral" {
  line = 605,
  what = "Introductory visit (5 working days of the referral date)",
  within = working_days(5),
  from = "accept_referral",
  satisfied_by = "record_introductory_visit",
  note = "referral date = the FW 'Referral' created on acceptance (A3); A2: the visit held by then",
}
-- L257: "write up the assessment and have had it authorised by a manager, within 20 working days of the referral"
timescale "T09_assessment_authorised_20wd" {
  line = 257,
  what = "Wellbeing assessment written up and authorised by a manager",
  within = working_days(20),
  from = { "accept_referral", "stepdown_handover_held" },
  satisfied_by = "authorise_assessment",
  cancelled_in = { "signposting_handover", "closure_pending" },
  note = "A3: from the FW 'Referral' (acceptance); for a step-down from the E.H.M. record opening (A26)",
}
-- L261: "arrange a hand over meeting with the identified service within 5 working days of the decision to close"
timescale "T10_signpost_handover_5wd" {
  line = 261,
  what = "Handover meeting with the identified service",
  within = working_days(5),
  from = "agree_signpost",
  satisfied_by = "signpost_handover_held",
}
-- L278: "After the initial wellbeing planning meeting, Key Worker visits should not be less than every 4 weeks (20 working days)"
timescale "T11_visits_20wd_after_ipm" {
  line = 278,
  what = "Key worker visit at least every 4 weeks (20 working days) after the initial planning meeting",
  every = working_days(20),
  from = "hold_initial_planning_meeting",
  satisfied_by = "complete_visit",
  cancelled_in = { "closure_pending" },
  note = "'4 weeks (20 working days)' encoded as 20 working days (A5)",
}
-- L616: visits "are to be a minimum of every 20 working days"
timescale "T12_visits_20wd_guidance" {
  line = 616,
  what = "Visits a minimum of every 20 working days (practice guidance)",
  every = working_days(20),
  from = "record_introductory_visit",
  satisfied_by = "complete_visit",
  cancelled_in = { "closure_pending" },
  note = "L616 states the minimum without L278's 'after the initial planning meeting': both encoded; anchor [INF] the introductory visit",
}
-- L284: "Formal review meetings should be held every 6 weeks" (also L700 "Reviewed 6 weekly")
timescale "T13_review_meeting_6_weeks" {
  line = 284,
  what = "Formal review meeting with the family and team around them",
  every = weeks(6),
  from = "hold_initial_planning_meeting",
  satisfied_by = "hold_review_meeting",
  cancelled_in = { "closure_pending" },
  note = "A6: first due 6 weeks after the initial planning meeting; L700 repeats the rule",
}
-- L286: "at a minimum of every 3 months formally review the case and family plan with a Family Wellbeing manager"
timescale "T14_manager_case_review_3_months" {
  line = 286,
  what = "Formal case and plan review with a FW manager",
  every = months(3),
  from = { "allocate_key_worker", "stepdown_handover_held" },
  satisfied_by = "manager_case_review",
  cancelled_in = { "closure_pending" },
  note = "A7: first due 3 months after allocation (allocation note item (d), L237)",
}
-- L100: "targeted early help to families for a period of up to 6 months"
timescale "T15_service_period_6_months" {
  line = 100,
  what = "Service period of up to 6 months",
  within = months(6),
  from = { "accept_referral", "stepdown_handover_held" },
  satisfied_by = { "initiate_ending", "enter:closure_pending" },
  on_breach = { effect = function(case) case.data.service_period_exceeded = true end },
  note = "A4: a flag, no automatic closure; a manager records a continuation_rationale",
}
-- L302: "Visits should be recorded as a 'case note' (stating visit type) within 72 hours (3 working days)"
-- (L776 repeats it: "within 72 hours (3 working days) of the visit being completed")
timescale "T16_visit_case_note_3wd" {
  line = 302,
  what = "Visit recorded as a case note",
  within = working_days(3),
  from = { "record_introductory_visit", "complete_visit" },
  satisfied_by = "record:case_note",
  note = "'72 hours (3 working days)' encoded as 3 working days (DESIGN §3); L776 repeats the rule",
}
-- L796: "Record completed direct work within 72 hours (3 working days) of the activity"
timescale "T17_direct_work_recorded_3wd" {
  line = 796,
  what = "Direct work recorded",
  within = working_days(3),
  from = "complete_direct_work",
  satisfied_by = "record:direct_work",
}
-- L741: "Record minutes and distribute these to attendees within 5 working days"
timescale "T18_minutes_5wd" {
  line = 741,
  what = "Meeting minutes recorded and distributed",
  within = working_days(5),
  from = { "hold_initial_planning_meeting", "hold_review_meeting" },
  satisfied_by = "record:meeting_minutes",
}
-- L217: "presenting the case at the next weekly transfer panel"
timescale "T21_next_weekly_panel" {
  line = 217,
  what = "Step-up (in need) presented at the next weekly transfer panel",
  within = days(7),
  from = "decide_step_up_in_need",
  satisfied_by = { "panel_approves_transfer", "panel_declines_transfer" },
  note = "[INF] the panel is weekly (L223), so the next sitting is within 7 days",
}
-- L219: "through the Front Door-MASH, who will allocate to the referral and assessment team on duty immediately"
timescale "T22_mash_allocates_immediately" {
  line = 219,
  what = "Front Door-MASH allocates to the referral and assessment team on duty (immediately)",
  within = hours(24),
  from = "decide_step_up_significant_harm",
  satisfied_by = "mash_allocates_to_duty_team",
  note = "[INF] 'immediately' has no duration in the document; encoded as 24 hours",
}
-- L211/L223: "present the case at weekly transfer panel"; "Transfer panel is held weekly"
timescale "T23_stepdown_weekly_panel" {
  line = 223,
  what = "Step-down decided at the weekly transfer panel",
  within = days(7),
  from = "enter:stepdown_requested",
  satisfied_by = { "panel_approves_stepdown", "panel_declines_stepdown" },
  note = "[INF] case-level reading of the weekly panel (L211, L223)",
}
-- L296: "the Key Worker should discuss with a manager in supervision or immediately if this appears urgent"
timescale "T24_disengagement_discussed" {
  line = 296,
  what = "Disengagement discussed with a manager (in supervision, or immediately if urgent)",
  within = working_days(20),
  from = "family_disengages",
  satisfied_by = { "refer_to_csc", "decide_close_disengaged", "family_re_engages" },
  note = "[INF] supervision is at least every 20 working days (L331)",
}
-- L227: "Once the decision is made and a transfer date is agreed at transfer panel ... once the hand-over visit/meeting has taken place"
timescale "T25_handover_by_transfer_date" {
  line = 227,
  what = "Handover by the transfer date agreed at panel",
  within = days(7),
  from = { "panel_approves_transfer", "panel_approves_stepdown" },
  satisfied_by = { "handover_held", "stepdown_handover_held" },
  extendable = { by = { "transfer_panel" }, cap = days(28), line = 227 },
  note = "[INF] default one panel cycle (L223 'not ... subject to dispute or delay'); the panel extends to the agreed date",
}

-------------------------------------------------------------------------------
-- Actions: Front Door-MASH (L197-L201, L983-L985)
-------------------------------------------------------------------------------
-- L985: "The M.A.S.H manager will review the recommendations and make the final decision on the contact."
local mash_final_decision_guard = {
  line = 985, reason = "the FWS MASH representative has made recommendations: the MASH manager makes the final decision",
  check = function(case) return case.data.fws_rep_recommended ~= true end,
}

-- L199: option a, signpost to another early help service
action "mash_signpost" {
  line = 199, title = "MASH option a: signpost",
  from = "contact_received", by = "mash_practitioner",
  input = { signposted_to = text { required = true, label = "Service signposted to (e.g. a children's centre)" } },
  guards = { mash_final_decision_guard },
  effect = function(case, input) case.data.signposted_to = input.signposted_to end,
  to = "signposted_at_intake",
  significant = "Front Door-MASH: signposted (option a)",
}
-- L200: option b, 'in need' or 'at risk of harm': not sent to FWS
action "mash_redirect_csc" {
  line = 200, title = "MASH option b: redirect to Children's Social Care",
  from = "contact_received", by = "mash_practitioner",
  input = { discussion = text { required = true, label = "Discussion with referrer and family (L200)" } },
  guards = { mash_final_decision_guard },
  to = "redirected_to_csc_at_intake",
  significant = "Front Door-MASH: redirected to CSC (option b)",
}
-- L201: option c, eligibility clearly met: directed to the FWS referral inbox
action "mash_route_to_fws" {
  line = 201, title = "MASH option c: to the FWS referral inbox",
  from = "contact_received", by = "mash_practitioner",
  guards = { mash_final_decision_guard },
  to = "fws_inbox_review",
  significant = "Front Door-MASH: directed to the FWS referral inbox (option c)",
}
-- L985: the FWS representative reviews re-assigned contacts and makes recommendations
action "fws_rep_recommend" {
  line = 985, title = "FWS MASH representative recommends",
  from = "contact_received", by = "fws_mash_rep",
  input = {
    recommendation = enum { "a_signpost", "b_redirect_csc", "c_route_to_fws", required = true },
    rationale = text { required = true },
  },
  effect = function(case, input)
    case.data.fws_rep_recommended = true
    case.data.fws_rep_recommendation = input.recommendation
  end,
}
-- L985: "The M.A.S.H manager will ... make the final decision on the contact."
action "mash_manager_decision" {
  line = 985, title = "MASH manager's final decision on the contact",
  from = "contact_received", by = "mash_manager",
  input = {
    option = enum { "a_signpost", "b_redirect_csc", "c_route_to_fws", required = true },
    rationale = text { required = true },
  },
  to = function(case, input)
    if input.option == "a_signpost" then return "signposted_at_intake" end
    if input.option == "b_redirect_csc" then return "redirected_to_csc_at_intake" end
    return "fws_inbox_review"
  end,
  targets = { "signposted_at_intake", "redirected_to_csc_at_intake", "fws_inbox_review" },
  significant = "MASH manager's final decision on the contact",
}

-------------------------------------------------------------------------------
-- FWS inbox review and acceptance (L201-L205, L157, L195, L181-L191, L128)
-------------------------------------------------------------------------------
-- L203: the FW manager may signpost (option a)
action "fws_signpost" {
  line = 203, title = "FWS manager: signpost (option a)",
  from = "fws_inbox_review", by = MANAGERS,
  input = { signposted_to = text { required = true } },
  effect = function(case, input) case.data.signposted_to = input.signposted_to end,
  to = "signposted_at_intake",
  significant = "FWS manager: signposted (option a)",
}
-- L203: the FW manager may re-direct to children's social care (option b)
action "fws_redirect_csc" {
  line = 203, title = "FWS manager: re-direct to CSC (option b)",
  from = "fws_inbox_review", by = MANAGERS,
  input = { reason = text { required = true } },
  to = "redirected_to_csc_at_intake",
  significant = "FWS manager: re-directed to CSC (option b)",
}
-- L205: "When the duty manager accepts a new referral, the manager will convert the L.C.S. Contact
-- Record into a Family Wellbeing 'Referral' and open the case by starting a wellbeing episode on E.H.M."
action "accept_referral" {
  line = 205, title = "Duty manager accepts: FW 'Referral' and wellbeing episode on E.H.M.",
  from = "fws_inbox_review", by = "duty_manager",
  creates = "fw_referral",
  facts = { "open_cases" },
  guards = {
    -- L195: "Parent/carers must have provided explicit and written consent"; L157: the manager checks consent
    { line = 195, reason = "explicit written consent of the parent/carer is required",
      check = function(case) return case.data.written_consent == true end },
    -- L181: "one or more of the following ... factors at tier three level of need"
    { line = 181, reason = "at least one qualifying factor (L183-L189) at tier three is required",
      check = function(case, input)
        if input.tier_three ~= true then return false end
        local n = 0
        for _, f in ipairs(input.factors or {}) do
          if not FACTORS[f] then return false end
          n = n + 1
        end
        return n >= 1
      end },
    -- L191: "'in need' or 'at risk of harm' will be referred straight to the Children's Social Care service"
    { line = 191, reason = "a child 'in need' or 'at risk of harm' goes to Children's Social Care, not FWS",
      check = function(case, input) return input.not_in_need_or_at_risk == true end },
  },
  -- L128: "If demand exceeds capacity, the Head of Service will be notified ... The service will not
  -- operate a waiting list": record the notification, never refuse.
  effect = function(case, input, facts)
    case.data.accepted_factors = input.factors
    -- open_cases counts the OTHER open cases of this workflow; add this family
    local families = facts.open_cases + 1
    case.data.capacity_open_cases = families
    case.data.head_of_service_notified = families > facts.limits.service_families
  end,
  to = "awaiting_allocation",
  significant = "Referral accepted; wellbeing episode opened on E.H.M.",
}
-- L128: "decisions how to manage the additional demand will be decided on a case by case basis"
action "record_capacity_decision" {
  line = 128, title = "Head of Service decision on demand over capacity",
  from = "*", by = "head_of_service",
  input = { decision = text { required = true } },
  guards = {
    { line = 128, reason = "the Head of Service has not been notified of demand over capacity for this case",
      check = function(case) return case.data.head_of_service_notified == true end },
  },
  effect = function(case, input) case.data.capacity_decision = input.decision end,
}
-- L207: answerphone messages are responded to on the next working day
action "respond_to_answerphone_message" {
  line = 207, title = "Respond to an answerphone message",
  from = "*", by = { "assigned", "duty_manager", "team_manager", "service_manager", "mash_practitioner" },
  input = { response = text { required = true } },
  requires = "answerphone_message",
}

-------------------------------------------------------------------------------
-- Allocation (L233-L237, L128)
-------------------------------------------------------------------------------
-- L128: 25 children per full time key worker, pro rata for part time staff
local caseload_guard = {
  line = 128, reason = "the key worker would exceed 25 children per full time key worker (pro rata)",
  check = function(case, input, facts)
    local fte = input.key_worker_fte or 1
    return facts.assignee_children + #children(case) <= facts.limits.key_worker_children * fte
  end,
}
-- L233: "The manager will allocate cases according to the knowledge, skills and capacity of the
-- Key Worker. The manager will record a case allocation note"
action "allocate_key_worker" {
  line = 233, title = "Allocate a key worker and record the case allocation note",
  from = "awaiting_allocation", by = MANAGERS,
  input = { key_worker = user { required = true, role = "key_worker" } },
  creates = "allocation_note",
  assign = "key_worker",
  facts = { "assignee_children" },
  guards = { caseload_guard },
  to = "allocated",
  significant = "Key worker allocated (oversight point: allocation, L325)",
}
-- L426, L241: the key worker contacts the family to arrange to meet
action "record_first_contact" {
  line = 426, title = "Key worker contacted the family",
  from = "allocated", by = "assigned",
  input = { visit_arranged_for = date { label = "Introductory visit arranged for" } },
  effect = function(case, input) case.data.intro_visit_arranged_for = input.visit_arranged_for end,
}
-- L241, L611-L618: introductory visit; L614 "confirming that they have provided consent to the referral"
action "record_introductory_visit" {
  line = 241, title = "Introductory visit held",
  from = "allocated", by = "assigned",
  creates = "intro_visit_record",
  guards = {
    { line = 614, reason = "the parent/carer has not confirmed consent to the referral",
      check = function(case, input) return input.consent_confirmed == true end },
  },
  effect = function(case) case.data.visits = (case.data.visits or 0) + 1 end,
  to = "assessment_in_progress",
  significant = "Introductory visit; wellbeing assessment started",
}

-------------------------------------------------------------------------------
-- Assessment, signposting, planning (L245-L272)
-------------------------------------------------------------------------------
-- L257: "The Key Worker should write up the assessment"; L305 genogram and ecomap
action "submit_assessment" {
  line = 257, title = "Submit the written-up assessment for authorisation",
  from = "assessment_in_progress", by = "assigned",
  requires = { "wellbeing_assessment", "genogram_ecomap" },
  to = "assessment_awaiting_authorisation",
}
-- L257: "have had it authorised by a manager"
action "authorise_assessment" {
  line = 257, title = "Manager authorises the wellbeing assessment",
  from = "assessment_awaiting_authorisation", by = MANAGERS,
  requires = "wellbeing_assessment",
  set = { assessment_authorised = true },
  to = "awaiting_initial_planning_meeting",
  significant = "Wellbeing assessment authorised (oversight point, L326)",
}
-- [INF] a manager may return the write-up to the key worker
action "return_for_rework" {
  line = 257, title = "Manager returns the assessment for further work",
  from = "assessment_awaiting_authorisation", by = MANAGERS,
  input = { reason = text { required = true } },
  to = "assessment_in_progress",
}
-- L261: "does not meet the eligibility criteria, or ... needs could be met by other services ...
-- If the manager is in agreement" (the decision to close)
action "agree_signpost" {
  line = 261, title = "Manager agrees to signpost to alternative services",
  from = { "assessment_awaiting_authorisation", "awaiting_initial_planning_meeting" }, by = MANAGERS,
  input = {
    reason = enum { "not_eligible", "needs_met_by_community_services", required = true },
    service = text { required = true },
  },
  requires = "wellbeing_assessment",
  effect = function(case, input) case.data.signposted_to = input.service end,
  to = "signposting_handover",
  significant = "Decision to close: signposting agreed",
}
-- L261: "seek consent from the parents/carers to make a referral(s) ... arrange a hand over meeting
-- ... The information shared in the hand over meeting will need to be agreed with the family."
action "signpost_handover_held" {
  line = 261, title = "Handover meeting with the identified service held",
  from = "signposting_handover", by = "assigned",
  creates = "signposting_handover_record",
  guards = {
    { line = 261, reason = "the information shared at the handover must be agreed with the family",
      check = function(case, input)
        return input.parental_consent ~= true or input.info_agreed_with_family == true
      end },
  },
  set = { closure_route = "signposted" },
  to = "closure_pending",
}
-- L265: initial wellbeing planning meeting; L691 "Each child must have their own plan"
action "hold_initial_planning_meeting" {
  line = 265, title = "Initial wellbeing planning meeting held",
  from = "awaiting_initial_planning_meeting", by = "assigned",
  input = { attendees = text { required = true } },
  requires = "wellbeing_plan",
  guards = {
    { line = 691, reason = "each child must have their own wellbeing plan",
      check = function(case)
        for _, child in ipairs(children(case)) do
          local found = false
          for _, r in ipairs(recs(case, "wellbeing_plan")) do
            if fld(r, "child") == child.id then found = true end
          end
          if not found then return false end
        end
        return true
      end },
  },
  effect = function(case) case.data.meetings = (case.data.meetings or 0) + 1 end,
  to = "plan_active",
  significant = "Initial wellbeing planning meeting; first plan (oversight point, L327)",
}

-------------------------------------------------------------------------------
-- Delivering the plan (L278-L286, L302, L796)
-------------------------------------------------------------------------------
-- L278, L616: a visit to the family (the record follows within 3 working days, L302)
action "complete_visit" {
  line = 278, title = "Visit completed",
  from = VISIT_STATES,
  by = "assigned",
  input = { visit_type = text { required = true } },
  effect = function(case) case.data.visits = (case.data.visits or 0) + 1 end,
}
-- L796: direct work with the child (recorded within 3 working days)
action "complete_direct_work" {
  line = 796, title = "Direct work session completed",
  from = { "assessment_in_progress", "assessment_awaiting_authorisation", "awaiting_initial_planning_meeting",
           "plan_active", "ending_in_progress" },
  by = "assigned",
  input = { child = member { role = "child" } },
  effect = function(case) case.data.direct_work_sessions = (case.data.direct_work_sessions or 0) + 1 end,
}
-- L284: "Formal review meetings should be held every 6 weeks"
action "hold_review_meeting" {
  line = 284, title = "Formal review meeting held",
  from = "plan_active", by = "assigned",
  input = { attendees = text { required = true } },
  effect = function(case) case.data.meetings = (case.data.meetings or 0) + 1 end,
}
-- L286: "formally review the case and family plan with a Family Wellbeing manager"
action "manager_case_review" {
  line = 286, title = "3-monthly case and plan review with a FW manager",
  from = KW_OPEN_STATES, by = MANAGERS,
  input = { summary = text { required = true } },
}
-- L215: "the family Key Worker must alert a Family Wellbeing manager immediately"
action "raise_concern" {
  line = 215, title = "Alert a FW manager: difficulties worsening, needs increasing",
  from = WORK_STATES, by = "assigned",
  input = { worry = text { required = true } },
  effect = function(case, input)
    case.data.concern_return_state = case.state
    case.data.concern = input.worry
  end,
  to = "concern_escalated",
  significant = "Key worker alerted a manager: worries increasing",
}
-- L296: "Where families refuse or choose to disengage ... but the originating worries continue to exist"
action "family_disengages" {
  line = 296, title = "Family refuses or disengages",
  from = { "allocated", "assessment_in_progress", "assessment_awaiting_authorisation",
           "awaiting_initial_planning_meeting", "plan_active" },
  by = "assigned",
  input = {
    details = text { required = true },
    urgent = boolean { label = "Appears urgent: discuss with a manager immediately (L296)" },
  },
  effect = function(case, input)
    case.data.disengagement_return_state = case.state
    case.data.disengagement_urgent = input.urgent == true
  end,
  to = "disengagement_review",
  significant = "Family disengaged",
}
-- Appendix 9 (L501): EHC referral by the allocated Family Key Worker; L341/L488 ages 10-18
action "refer_to_ehc" {
  line = 501, title = "Refer a child to the emotional health counsellors",
  from = WORK_STATES, by = "assigned",
  input = {
    child = member { required = true, role = "child" },
    reason = text { required = true },
  },
  guards = {
    { line = 488, reason = "emotional health counsellors work with children and young people aged 10-18",
      check = function(case, input, facts)
        local m = member_by_id(case, input.child)
        if not m or not m.dob then return false end
        local age = age_years(m.dob, facts.today)
        return age ~= nil and age >= 10 and age <= 18
      end },
  },
  spawn = {
    workflow = "emotional_health",
    data = function(case, input)
      local m = member_by_id(case, input.child) or {}
      return {
        parent_case = tostring(case.id),
        child_name = m.name,
        child_dob = m.dob,
        referred_by = "family_key_worker",
        reason = input.reason,
      }
    end,
  },
  significant = "Referred to emotional health counselling",
}
-- Appendix 10 (L564): IAPT referral on the EHM form by the allocated Family Keyworker
action "refer_to_iapt" {
  line = 564, title = "Refer to the CYP-IAPT programme",
  from = WORK_STATES, by = "assigned",
  input = { reason = text { required = true } },
  spawn = {
    workflow = "iapt",
    data = function(case, input)
      return {
        parent_case = tostring(case.id),
        referrer = "Family Key Worker",
        referral_route = "ehm_form",
        reason = input.reason,
      }
    end,
  },
  significant = "Referred to CYP-IAPT",
}

-------------------------------------------------------------------------------
-- Ending and disengagement (L292-L298, L319)
-------------------------------------------------------------------------------
-- L292: "When the family feels that things have improved ... the Key Worker should discuss with their
-- manager in supervision and try to arrange an ending meeting"
action "initiate_ending" {
  line = 292, title = "Begin ending the work",
  from = "plan_active", by = "assigned",
  input = {
    reason = enum { "goals_achieved", "family_feels_improved", "family_no_longer_wants_or_needs_service", required = true },
    discussed_in_supervision = boolean { required = true },
  },
  guards = {
    { line = 292, reason = "the ending must first be discussed with the manager in supervision",
      check = function(case, input) return input.discussed_in_supervision == true end },
  },
  effect = function(case, input) case.data.ending_reason = input.reason end,
  to = "ending_in_progress",
}
-- L294: "should be followed by a closure letter which includes the final wellbeing plan";
-- L319: "At the ending visit/meeting the Key Worker must provide the family with feedback forms."
action "ending_completed" {
  line = 294, title = "Ending meeting held (or not) and closure letter sent",
  from = "ending_in_progress", by = "assigned",
  input = {
    ending_meeting_held = boolean { required = true },
    no_meeting_reason = text {},
  },
  requires = "closure_letter",
  guards = {
    { line = 319, reason = "feedback forms must be given to the family at the ending visit/meeting",
      check = function(case, input)
        return input.ending_meeting_held ~= true or has_record(case, "feedback_form")
      end },
    { line = 292, reason = "record why no ending meeting could be arranged",
      check = function(case, input)
        return input.ending_meeting_held == true or (input.no_meeting_reason ~= nil and input.no_meeting_reason ~= "")
      end },
  },
  set = { closure_route = "ending" },
  to = "closure_pending",
}
-- L296: "Consideration should be given as to whether the family's withdrawal is worrying enough to
-- initiate a referral to Children's Social Care"
action "refer_to_csc" {
  line = 296, title = "Manager: withdrawal worrying enough to consider a CSC referral",
  from = "disengagement_review", by = MANAGERS,
  input = { reason = text { required = true } },
  effect = function(case, input)
    case.data.concern_return_state = "disengagement_review"
    case.data.concern = input.reason
  end,
  to = "concern_escalated",
}
-- [INF] A19: close as disengaged when no CSC referral is made (L98: it must be the family's choice)
action "decide_close_disengaged" {
  line = 296, title = "Manager: close as disengaged, no CSC referral",
  from = "disengagement_review", by = MANAGERS,
  input = { csc_referral_considered = boolean { required = true }, rationale = text { required = true } },
  guards = {
    { line = 296, reason = "whether to refer to Children's Social Care must be considered first",
      check = function(case, input) return input.csc_referral_considered == true end },
  },
  set = { closure_route = "disengaged" },
  to = "closure_pending",
}
-- [INF] A19: the family re-engages; work resumes where it stopped
action "family_re_engages" {
  line = 296, title = "Family re-engages",
  from = "disengagement_review", by = MANAGERS,
  to = function(case) return case.data.disengagement_return_state or "allocated" end,
  targets = { "allocated", "assessment_in_progress", "assessment_awaiting_authorisation",
              "awaiting_initial_planning_meeting", "plan_active" },
}

-------------------------------------------------------------------------------
-- Step-up to Children's Social Care (L215-L229)
-------------------------------------------------------------------------------
-- L215: "the manager will decide whether or not a referral to Children's Social Care is required"
action "decide_no_csc_referral" {
  line = 215, title = "Manager: no CSC referral required",
  from = "concern_escalated", by = MANAGERS,
  input = { rationale = text { required = true }, case_mapping_held = boolean {} },
  to = function(case) return case.data.concern_return_state or "allocated" end,
  targets = RETURN_STATES,
}
-- L221: family informed unless that would place the child at further risk; judgement by the manager
local step_up_input = {
  family_informed = enum { "informed", "withheld_risk", required = true },
  judgement = text { required = true },
  discussed_with_csc = boolean { required = true, label = "Discussed with Front Door-MASH or the CSC duty manager (L215)" },
}
-- L215: "should discuss the case with the Front Door-MASH or duty manager in Children's Social Care"
local csc_discussed_guard = {
  line = 215, reason = "the manager should discuss the case with Front Door-MASH or the CSC duty manager",
  check = function(case, input) return input.discussed_with_csc == true end,
}
-- L217: 'in need' of a statutory social work assessment: next weekly transfer panel
action "decide_step_up_in_need" {
  line = 217, title = "Manager: step up, child 'in need' (weekly transfer panel)",
  from = "concern_escalated", by = MANAGERS,
  input = step_up_input,
  creates = "family_information_decision",
  guards = { csc_discussed_guard },
  set = { step_up_route = "in_need" },
  to = "step_up_panel_pending",
  significant = "Step-up to CSC (in need) decided",
}
-- L219: significant harm: through Front Door-MASH at once, not the weekly panel
action "decide_step_up_significant_harm" {
  line = 219, title = "Manager: step up, significant harm (through Front Door-MASH)",
  from = "concern_escalated", by = MANAGERS,
  input = step_up_input,
  creates = "family_information_decision",
  guards = { csc_discussed_guard },
  set = { step_up_route = "significant_harm" },
  to = "urgent_step_up",
  significant = "Step-up to CSC (significant harm) decided",
}
-- L223: "the decision whether or not to transfer cases is made at that meeting and cannot be changed";
-- L225: transfer summary; "The allocated family Key Worker and manager will attend ... to present"
action "panel_approves_transfer" {
  line = 223, title = "Transfer panel agrees the step-up and the transfer date",
  from = "step_up_panel_pending", by = "transfer_panel",
  input = {
    transfer_date = date { required = true },                              -- L227
    presented_by_key_worker_and_manager = boolean { required = true },     -- L225
  },
  requires = "transfer_summary",
  guards = {
    { line = 225, reason = "the allocated key worker and manager attend the panel to present the case",
      check = function(case, input) return input.presented_by_key_worker_and_manager == true end },
  },
  effect = function(case, input) case.data.transfer_date = input.transfer_date end,
  to = "transfer_agreed_awaiting_handover",
  significant = "Transfer panel: transfer to CSC agreed (final, L223)",
}
-- L223: "whether or not to transfer"; [INF] A16: a refusal returns the case to where it was
action "panel_declines_transfer" {
  line = 223, title = "Transfer panel does not agree the step-up",
  from = "step_up_panel_pending", by = "transfer_panel",
  input = { reason = text { required = true } },
  set = { step_up_route = "declined_at_panel" },
  to = function(case) return case.data.concern_return_state or "allocated" end,
  targets = RETURN_STATES,
  significant = "Transfer panel: transfer to CSC not agreed (final, L223)",
}
-- L219: Front Door-MASH "will allocate to the referral and assessment team on duty immediately"
action "mash_allocates_to_duty_team" {
  line = 219, title = "Front Door-MASH allocates to the referral and assessment team on duty",
  from = "urgent_step_up", by = { "mash_practitioner", "mash_manager" },
  set = { rat_allocated = true },
}
-- L219: "a strategy discussion/meeting held. The family Key Worker and manager must contribute"
action "strategy_discussion_held" {
  line = 219, title = "Strategy discussion/meeting held",
  from = "urgent_step_up", by = MANAGERS,
  requires = "strategy_contribution",
  guards = {
    { line = 219, reason = "Front Door-MASH has not yet allocated to the referral and assessment team",
      check = function(case) return case.data.rat_allocated == true end },
  },
  to = "transfer_agreed_awaiting_handover",
  significant = "Strategy discussion held",
}
-- L227: "A handover meeting will take place which involves both the existing worker who is handing
-- over to the new allocated worker."
action "handover_held" {
  line = 227, title = "Handover to CSC held",
  from = "transfer_agreed_awaiting_handover", by = { "assigned", "duty_manager", "team_manager", "service_manager" },
  creates = "handover_record",
  effect = function(case)
    if case.data.step_up_route == "significant_harm" then
      case.data.closure_route = "transfer_significant_harm"
    else
      case.data.closure_route = "transfer_in_need"
    end
  end,
  to = "closure_pending",
  significant = "Handover to CSC (oversight point: transfers, L328)",
}

-------------------------------------------------------------------------------
-- Step-down from Children's Social Care (L211, L223, L227-L229)
-------------------------------------------------------------------------------
-- L211: "With agreement, families who meet the Family Wellbeing service criteria and that want to
-- continue to receive a service can be transferred"
action "panel_approves_stepdown" {
  line = 211, title = "Transfer panel agrees the step-down and the transfer date",
  from = "stepdown_requested", by = "transfer_panel",
  input = {
    transfer_date = date { required = true },                    -- L227
    meets_fws_criteria = boolean { required = true },            -- L211
  },
  guards = {
    { line = 211, reason = "the family must agree and want to continue to receive a service",
      check = function(case) return case.data.written_consent == true end },
    { line = 211, reason = "the family must meet the Family Wellbeing service criteria",
      check = function(case, input) return input.meets_fws_criteria == true end },
  },
  effect = function(case, input) case.data.transfer_date = input.transfer_date end,
  to = "stepdown_awaiting_handover",
  significant = "Transfer panel: step-down agreed (final, L223)",
}
-- L223: the panel decides "whether or not to transfer"; [INF] a refusal leaves the family with CSC
action "panel_declines_stepdown" {
  line = 223, title = "Transfer panel does not agree the step-down",
  from = "stepdown_requested", by = "transfer_panel",
  input = { reason = text { required = true } },
  to = "stepdown_declined",
}
-- L227: "the receiving manager will open a case record on ... E.H.M once the hand-over visit/meeting
-- has taken place"; the new allocated worker is at the handover, so allocation happens here
action "stepdown_handover_held" {
  line = 227, title = "Step-down handover held; receiving manager opens the E.H.M. record",
  from = "stepdown_awaiting_handover", by = MANAGERS,
  input = { key_worker = user { required = true, role = "key_worker" } },
  creates = "allocation_note",
  assign = "key_worker",
  facts = { "assignee_children" },
  guards = { caseload_guard },
  to = "allocated",
  significant = "Step-down handover; E.H.M. record opened; key worker allocated",
}

-------------------------------------------------------------------------------
-- Closure (L298, L302-L315)
-------------------------------------------------------------------------------
local function count(case, rtype) return #recs(case, rtype) end
-- L298: "A manager will close the case record on E.H.M when the case recordings are completed to a
-- good standard." The machine check is the mandatory list of L302-L315, by path (A20).
action "close_case" {
  line = 298, title = "Manager closes the case record on E.H.M.",
  from = "closure_pending", by = MANAGERS,
  input = { recordings_good_standard = boolean { required = true } },
  requires = { "allocation_note", "closure_summary" },     -- L304, L314
  guards = {
    { line = 298, reason = "the case recordings must be completed to a good standard",
      check = function(case, input) return input.recordings_good_standard == true end },
    -- L302, L309: every visit recorded as a case note
    { line = 302, reason = "every visit must be recorded as a case note",
      check = function(case) return count(case, "case_note") >= (case.data.visits or 0) end },
    -- L310: minutes of initial and review wellbeing planning meetings
    { line = 310, reason = "minutes of every planning and review meeting are required",
      check = function(case)
        local n = 0
        for _, r in ipairs(recs(case, "meeting_minutes")) do
          local m = fld(r, "meeting")
          if m == "initial_planning" or m == "review" then n = n + 1 end
        end
        return n >= (case.data.meetings or 0)
      end },
    -- L312: uploaded direct work
    { line = 312, reason = "every direct work session must be recorded",
      check = function(case) return count(case, "direct_work") >= (case.data.direct_work_sessions or 0) end },
    -- L305: genogram and ecomap, once an assessment was started
    { line = 305, reason = "a genogram and ecomap of the family network is required",
      check = function(case)
        return (case.data.visits or 0) == 0 or has_record(case, "genogram_ecomap")
      end },
    -- L225, L314: transfer summary on a transfer to CSC
    { line = 314, reason = "a transfer summary is required on a transfer",
      check = function(case)
        local r = case.data.closure_route
        return (r ~= "transfer_in_need" and r ~= "transfer_significant_harm") or has_record(case, "transfer_summary")
      end },
    -- L227: "This should be followed by an ending letter to the family"
    { line = 227, reason = "an ending letter to the family must follow the handover",
      check = function(case)
        local r = case.data.closure_route
        if r ~= "transfer_in_need" and r ~= "transfer_significant_harm" then return true end
        for _, l in ipairs(recs(case, "closure_letter")) do
          if fld(l, "kind") == "ending_after_transfer" then return true end
        end
        return false
      end },
  },
  to = "closed",
  significant = "Case closed on E.H.M. (oversight point: closure, L329)",
}
