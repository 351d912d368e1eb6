-- workflows/durham/one_point.lua: Durham One Point Service (OPS) early help
-- episode, from First Contact / Early Help Triage to closure.
--
-- Source: shared/seeds/002_5f8893c51560d94f.txt (L<n> = `cat -n` line).
-- Map: shared/spec/durham.md (state, action and timescale ids follow it).
-- Everything below cites the line it encodes; [INF] marks an inference the
-- document does not state outright (mostly the spec's own §8 proposals).
--
-- Pathways encoded (spec §3):
--   front door (3.1): fc_contact_received -> eh_triage (5 WD) -> resolve /
--     redirect / Locality Early Help Conversation / IFST tray / Family Hub tray;
--   threshold discussion ladder (3.2): td_step2_sehtw -> td_step3_ops_manager
--     -> td_step4_fc_manager -> td_step5_strategic, with interim support (L410)
--     and the "final decision" rule (L402, L418);
--   IFST (3.3): Key Worker allocation (2 WD), consent, assessment within 28 WD
--     of consent (extendable by TM/SKW to 45), Family Network Meeting and the
--     initial TAF inside the assessment period, QA and sign-off, the TAF cycle,
--     non-engagement; the Family Worker sub-process (3.3.1) is the linked
--     workflow family_worker (spawned by request_family_worker);
--   Family Hub (3.4): allocation (7 WD), consent (10 WD), proportionate
--     assessment submitted (15 WD) and finalised (5 WD / 20 WD), plan authorised
--     by the FHTM only, six-week review, four-week extensions, optional TAF;
--   transfers within OPS (3.5): IFST -> Family Hub step-down and Family Hub ->
--     IFST step-up, each with the joint home visit within 5 WD;
--   step-up to statutory services (3.6): weekly Step Up/Down meeting and the
--     immediate route for significant harm, then the LL Case Step Up Process
--     within 1 WD; step-down into OPS from Families First / YPS / CWD (3.7) is
--     the entry state step_down_from_statutory;
--   closure (3.8): TAF discussion, manager confirmation with the Case
--     Supervision Form, Family Survey case note, worker request, manager
--     sign-off, standard closure letter.
--
-- Spec §4.1 case-level timers and how each is encoded here:
--   T01 two rules, both encoded: L376 (progress the request in 5 WD) and L456
--       (allocated to a team tray within 5 WD of EHTW receipt).
--   T02 L390, T03 L398, T04 L402, T05 L414: timescales. DEVIATION from spec
--       §8.4 [INF]: L398/L402 count "from receipt of the referral" but the
--       engine starts a clock at an event, and a clock started at receipt into
--       the tray would breach for every referral nobody challenges; T02-T04 run
--       from challenge_threshold (which L398 itself requires within 1 WD of
--       receipt), T05 from the escalation. T03 is met when the SEHTW/FCSWC Step 2
--       conversation has an outcome.
--   T06 L476 (L458 restates it), T07 L599 (L458 restates it): timescales.
--   T08, T09, T10: in workflows/durham/family_worker.lua.
--   T11 two rules, both encoded: L685/L689 "28 working days from consent"
--       (extendable by IFST TM/SKW to 45 working days, spec §8.1 default) and
--       L507 "28 days" (calendar, extendable to 45 calendar days).
--   T12 two rules: L510 "where possible within 28 days" and L687 "during the
--       assessment period" (28 WD, extendable with the assessment).
--   T13 two rules: L511 "Assessment period of 28 days" and L1226 "during the
--       assessment period" (28 WD, extendable).
--   T14 L617, T15 L645, T16 two rules: L645 (5 WD of submission) and L879
--       (20 WD, from consent: spec §8.2, so the earlier due date governs).
--   T17 L683 two clocks per child: seen every 20 WD, and seen alone every 20 WD
--       if aged 5+ (spec §8.6 [INF]). T18 L683 per child under one, 10 WD.
--       T19 L683 OPS face-to-face/group contact every 10 WD (IFST only, spec
--       §8.6 default [INF]).
--   T20 L764 annual review. T21 L942 plan review every 4-6 weeks (encoded at
--       6 weeks). T22 L1007 (L1297 restates) next TAF within 30 WD. T23 L1293
--       (L1007, L1337 restate) plan circulated in 10 WD. T24 L1265 plan updated
--       in 5 WD. T25 L1013 four-week extension review. T26 L1126 six-week FH
--       review, from FH consent (spec §8.5 [INF]).
--   T27 L1245/L1301 (4-6 weeks of support), T28 L1253 (TAF dates for three
--       months), T29 L1305 (views one week before): not clocks; fields of the
--       taf_record. T30 L1307 (manager at every third TAF): a guard on hold_taf.
--   T31 L1315: not encoded: it concerns a partner-led TAF where One Point holds
--       no case and "information is not to be recorded on LiquidLogic".
--   T32 L1333 (24 hours) and T33 L1343 (1 WD): two rules for recording, both
--       encoded; their clocks run from the meetings and visits the workflow
--       records as actions (FNM, TAF, professionals meeting, joint visit) [INF].
--   T34 L1341 chronology after each TAF within 30 WD.
--   T35 L1543/L1581 (request form circulated 1 WD before the weekly meeting):
--       a guard on the meeting decisions (a countdown to a future meeting is not
--       a clock); late requests at managers' discretion (L1545). The guard skips
--       weekends only, not bank holidays [INF].
--   T36 L1563 step-up process within 1 WD. T37 L1567 (case note "on the day of
--       the meeting"): the meeting decision creates that case note and a guard
--       requires its meeting date to be today.
--   T38 L1637, T39 L1657 joint home visit within 5 WD of the transfer
--       allocation. T40 L1806 per child, no case recording for 20+ WD.
--   T41 L1789 "CYP cases open over six months": a selection criterion for
--       case clinics, not a deadline; encoded as a six-month clock whose breach
--       marks the case case_clinic_eligible (an OM case clinic note, L1797,
--       meets it).
-- Spec §4.2 sub-process timers are encoded in the linked workflows this
--   episode spawns (social_care_advice, return_home_interview, full_circle) or
--   in their own workflows (pre_birth_intervention, hv_non_lead); see their
--   headers for which are encoded and why the rest are not.
-- approve_assessment_extension (spec 3.3) is the built-in extend_timescale on
--   T11/T12/T13 (IFST TM or SKW, capped at 45 from consent); the spec's
--   late_request_accepted (3.6) is an input flag of the meeting decisions.
--
-- Not encoded (staff-level or organisational, spec §4.3 and §5): weekly Step
--   Up/Down meeting cadence (L1525, L1529) beyond its use as the decision
--   point; ASET weekly allocation meeting (L1577); Group Learning monthly
--   (L1774); formal supervision "as per supervision framework" (L1768); case
--   clinics bi-monthly (L1782); weekly dashboard use (L1803); monthly
--   performance clinics and scorecard (L1738, L1813-1815); monthly team and
--   locality meetings (L1819); weekly team briefings (L1825); audits (L1799);
--   lone working checks (L2656); partnership meetings (L2601, L2627, L2633).
--
-- Other inferences [INF]:
--   * consent_refused closes through manager sign-off (spec §8.13).
--   * Three missed appointments are counted cumulatively since the last
--     manager discussion (spec §8.12).
--   * After step-up the OPS lead episode ends (stepped_up, spec §8.9); the
--     significant-harm route needs no consent guard (spec §8.9).
--   * Caseload "approximately 25" (L490) is a guard that a manager can pass
--     only by recording a reason (caseload_override_reason), since the
--     document says "approximately" and "where possible".
--   * Transfers between IFST and Family Hub enter transfer-allocated states
--     (ifst_transfer_allocated, fh_transfer_allocated; not in the spec) so the
--     joint home visit clock starts only for transferred families; visit and
--     TAF clocks of the old team stop at the transfer and restart at the new
--     team's consent.
--   * The standard closure letter (L1714) comes after sign-off, so sign-off
--     moves to closure_signed_off and the letter closes the case (closed).
--   * spec action ids kept; added: record_fh_consent (the spec's record_consent
--     in the Family Hub; split so the IFST and FH assessment clocks start from
--     their own consent), hold_initial_taf (TAF #1; the spec's first hold_taf),
--     transfer_joint_home_visit, circulate_request_form, authorise_closure_plan,
--     record_missed_appointment, review_assessment, step_up_meeting_decision
--     (spec 3.5), the step-down entry actions agree_step_down_to_ifst /
--     agree_step_down_to_fh / decline_step_down, and the actions that open the
--     linked sub-processes: request_social_care_advice, notify_missing_episode,
--     refer_to_full_circle.
--   * Not encoded from spec §3: the re-referral new_request after closure (a
--     new request is a new case; "re-referral" is undefined, spec §8.13); the
--     post-closure sca_request (social_care_advice is opened directly, L2094);
--     the spec's soft checks (discuss the referral with the KW before
--     allocation, L478; FNM before the first TAF "where possible", L510/L1257;
--     EHTW allocation "with management oversight" is encoded as a required MO
--     case note, L374).

workflow "one_point" {
  title = "One Point Service early help episode",
  document = "002_5f8893c51560d94f.txt",
  initial = "fc_contact_received",
  opened_by = {
    "first_contact_officer", "first_contact_social_worker",   -- L445: contact form at First Contact
    "ehtw",                                                   -- L374: professional requests direct to EHTW
    "families_first_manager", "yps_cwd_manager",              -- L1581, L1599: step-down into OPS
  },
  data = {
    family_name = text { required = true, label = "Family" },
    -- L374: parent/public requests, professional requests, and L378:
    -- safeguarding referrals triaged as requiring an early help response.
    requester = enum { "parent", "professional", "safeguarding_referral", "step_down", required = true },
    referrer = text { label = "Referrer" },
    reason = text { required = true, label = "Reason for the request" },
    consent_obtained = boolean { label = "Consent obtained (L378)" },
    -- Step-down into OPS (L1581-1601)
    from_service = enum { "families_first", "yps_aset", "children_with_disabilities" },
    ff_tm_agreed = boolean { label = "Agreed by the Families First Team Manager (L1583)" },
    family_consents = boolean { label = "Family understands and consents (L1587)" },
    form_circulated_on = date { label = "Request form circulated to the core membership (L1581)" },
  },
  significant = "Request for early help received",
}

-- Helpers -------------------------------------------------------------------

local function concat(...)
  local out = {}
  for _, t in ipairs({ ... }) do
    for _, v in ipairs(t) do out[#out + 1] = v end
  end
  return out
end

-- Days since 1970-01-01 for "YYYY-MM-DD" (proleptic Gregorian).
local function day_number(s)
  local y, m, d = string.match(s or "", "^(%d%d%d%d)-(%d%d)-(%d%d)")
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

-- The weekday before day n (weekends skipped; bank holidays are not known to
-- a guard, see T35 in the header). 1970-01-01 was a Thursday: (n + 4) % 7 is
-- 0 on Sundays and 6 on Saturdays.
local function previous_weekday(n)
  local p = n - 1
  while (p + 4) % 7 == 0 or (p + 4) % 7 == 6 do p = p - 1 end
  return p
end

-- T35 (L1543, L1581): the request form reached the core membership at least
-- one working day before the meeting, unless managers accept it late (L1545).
local function form_in_time(case, input, facts)
  if input.late_request_accepted == true then return true end
  local c = day_number(case.data.form_circulated_on)
  local t = day_number(facts.today)
  if not c or not t then return false end
  return c <= previous_weekday(t)
end

local function latest(case, rtype)
  local rs = case.records and case.records[rtype]
  if not rs or #rs == 0 then return nil end
  local r = rs[#rs]
  if type(r.fields) == "table" then return r.fields end
  return r
end

local function age_on(m, on)
  if type(m.dob) ~= "string" then return nil end
  return age_years(m.dob, on)
end

-- Role groups ---------------------------------------------------------------
local IFST_MANAGERS = { "ifst_team_manager", "senior_key_worker" }       -- L476, L1589, L1609
local OPS_MANAGERS = { "ifst_team_manager", "senior_key_worker", "fhtm" } -- L1567, L1700-1712
local PRACTITIONERS = { "key_worker", "ehp", "ewbw" }                     -- L1690-1714
local MEETING = { "ifst_team_manager", "senior_key_worker", "fhtm", "team_coordinator" } -- L1529-1547

-- State groups --------------------------------------------------------------
local IFST_OPEN = { "ifst_assessment", "ifst_assessment_qa", "ifst_intervention", "ifst_non_engagement",
  "step_down_to_fh_pending" }
local FH_OPEN = { "fh_assessment", "fh_assessment_qa", "fh_plan_pending", "fh_group_programme",
  "fh_intervention", "fh_step_up_to_ifst_pending" }
local CLOSING = { "closure_proposed", "closure_pending_request", "closure_pending_signoff" }
local PRE_CONSENT = { "ifst_awaiting_allocation", "ifst_transfer_allocated", "ifst_allocated",
  "fh_awaiting_allocation", "fh_transfer_allocated", "fh_allocated" }
local ACTIVE = concat(PRE_CONSENT, IFST_OPEN, FH_OPEN, CLOSING, { "step_up_requested" })
-- States in which a TAF can sit (IFST throughout; Family Hub when a TAF runs).
local TAF_STATES = concat(IFST_OPEN, { "fh_intervention", "fh_step_up_to_ifst_pending" }, CLOSING,
  { "step_up_requested" })

-- Timescales the old team's pathway runs, stopped at a transfer or sign-off.
local VISIT_CLOCKS = { "T17_child_seen_20wd", "T17_child_seen_alone_20wd", "T18_under_one_visited_10wd",
  "T19_ops_contact_10wd", "T40_child_recording_20wd" }
local PLAN_CLOCKS = { "T20_annual_assessment_review", "T21_plan_review_6_weeks", "T22_next_taf_30wd" }
local FH_CLOCKS = { "T25_fh_extension_review_4_weeks", "T26_fh_six_week_review" }

-- States --------------------------------------------------------------------

-- 3.1 Front door
state "fc_contact_received" { line = 445, title = "Contact received at First Contact" }       -- L445: contact form completed, level of need established
state "eh_triage" { line = 447, entry = true, title = "Early Help Triage" }                     -- L447; L374: professional requests come straight to the EHTW
state "lehc" { line = 424, title = "Locality Early Help Conversation" }                         -- L424-430 (professional requests only, L447)
-- 3.2 Threshold discussion ladder
state "td_step2_sehtw" { line = 398, title = "Threshold discussion: Step 2 (SEHTW / FCSWC)" }   -- L398: "threshold conversation will be initiated ... to the Senior Early Help Triage Worker"
state "td_step3_ops_manager" { line = 402, title = "Threshold discussion: Step 3 (Operations Manager)" }   -- L402: "If agreement cannot be reached ... discuss the family with their Operations Manager"
state "td_step4_fc_manager" { line = 408, title = "Threshold discussion: Step 4 (OM and First Contact Manager)" }   -- L408: OM "will proceed to have a conversation with the First Contact Manager"
state "td_step5_strategic" { line = 414, title = "Threshold discussion: Steps 5-6 (Strategic Managers)" }   -- L414-418: Strategic Managers' conversation; "This decision is final"
-- 3.7 Step-down into OPS from statutory services
state "step_down_from_statutory" { line = 1581, entry = true, title = "Step-down request from Families First / YPS / CWD" }   -- L1581: "families which require ongoing intensive support but ... no longer requires statutory intervention"
-- 3.3 IFST
state "ifst_awaiting_allocation" { line = 476, title = "In the IFS Team Tray awaiting Key Worker allocation" }   -- L476: "receipt of the referral into the Team Tray"
state "ifst_transfer_allocated" { line = 1657, title = "Stepped up from Family Hub: joint home visit with the new Key Worker" }   -- L1657: "A joint Home Visit will take place within five working days" [INF state]
state "ifst_allocated" { line = 494, title = "Key Worker allocated: initial steps, awaiting consent" }   -- L494-511: "Initial Steps for the IFST Key Worker"
state "ifst_assessment" { line = 685, title = "IFST assessment (28 working days from consent)" }   -- L685: "no more than 28 working days from consent"
state "ifst_assessment_qa" { line = 750, title = "IFST assessment with the manager for quality assurance" }   -- L685: "to also include quality assurance by the manager"; L750
state "ifst_intervention" { line = 1007, title = "IFST Family Plan and TAF reviews" }   -- L1007: "reviewed at each TAF meeting"
state "ifst_non_engagement" { line = 1176, title = "Non-engagement: discussed with a manager" }   -- L1176: "Discuss concerns with a manager"
state "step_down_to_fh_pending" { line = 1613, title = "Step-down from IFST to Family Hub being agreed" }   -- L1613: "discussed at the weekly Step Up/Step Down meeting"
-- 3.4 Family Hub
state "fh_awaiting_allocation" { line = 599, title = "In the Family Hub in-tray awaiting allocation" }   -- L599: "when it comes to the Family Hub in-tray"
state "fh_transfer_allocated" { line = 1637, title = "Stepped down from IFST: joint home visit with the new worker" }   -- L1637: "conduct a joint home visit within 5 working days" [INF state]
state "fh_allocated" { line = 607, title = "Family Hub practitioner allocated: initial steps, awaiting consent" }   -- L607-621: "Initial Steps for the Family Hub Practitioner"
state "fh_assessment" { line = 637, title = "Family Hub proportionate assessment (from consent)" }   -- L637: "The assessment timescales are from the date of consent."
state "fh_assessment_qa" { line = 876, title = "Proportionate assessment with the FHTM for quality assurance" }   -- L876: "Upon completion of the proportionate assessment the Family Hub Team Manager must"
state "fh_plan_pending" { line = 649, title = "Family Plan awaiting FHTM authorisation" }   -- L649: "sent to the Family Hub Team Manger to be authorised"
state "fh_group_programme" { line = 824, title = "Group response: no further assessment required" }   -- L824: "no further assessment will be required"
state "fh_intervention" { line = 1011, title = "Time-limited Family Hub support" }   -- L1011: "Early help offered through Family Hubs will be time limited"
state "fh_step_up_to_ifst_pending" { line = 1649, title = "Family Hub step-up to IFST being agreed" }   -- L1649: "the Family Hub Team Manager will follow the Step-Up procedures"
-- 3.6 Step-up to statutory services
state "step_up_requested" { line = 1539, title = "Step Up request submitted for the weekly Step Up/Down meeting" }   -- L1539: "submitted to the appropriate manager on the Step Up/Step Down Request Form"
state "step_up_agreed" { line = 1563, title = "Step-up agreed: LL Case Step Up Process to be initiated" }   -- L1563: "Once agreement has been reached to Step Up a family"
-- 3.8 Closure
state "closure_proposed" { line = 1690, title = "Possible closure discussed with the family and partners" }   -- L1690: "discusses possible closure with family and partners"
state "closure_pending_request" { line = 1700, title = "Closure date confirmed: survey and closure request" }   -- L1700: "a closure date confirmed"
state "closure_pending_signoff" { line = 1706, title = "Closure requested for manager sign-off" }   -- L1706: "requests case closure on LiquidLogic for manager sign off"
state "closure_signed_off" { line = 1714, title = "Signed off: standard closure letter to be sent" }   -- L1712-1714: signed off; "The standard closure letter is sent" [INF state]
-- Terminal states
state "closed_at_triage" { line = 447, terminal = true, title = "Resolved at triage" }   -- L447: "resolve"
state "redirected" { line = 447, terminal = true, title = "Re-directed" }   -- L447: "re-direct"
state "referred_to_families_first" { line = 368, terminal = true, title = "Safeguarding: Families First" }   -- L368: "triaged as requiring safeguarding/statutory service (CIN/CP)"
state "safeguarding_procedures" { line = 430, terminal = true, title = "Safeguarding procedures followed (from the LEHC)" }   -- L430: "Safeguarding procedures will be followed"
state "stepped_up" { line = 1563, terminal = true, title = "Stepped up to statutory services" }   -- L1515: "Families who have safeguarding needs must have an allocated social worker as lead professional"
state "step_down_declined" { line = 1589, terminal = true, title = "Step-down into One Point not agreed [INF]" }   -- [INF] the IFS TM/SKW or FHTM does not agree (L1589)
state "closed" { line = 1714, terminal = true, title = "Closed to the One Point Service" }   -- L1712-1714: signed off and the closure letter sent

-- Records -------------------------------------------------------------------

-- L1764: decisions recorded "using the management oversight code"; L374
-- (EHTW allocation "with management oversight"), L402 and L418 (threshold).
record "mo_case_note" {
  line = 1764,
  by = { "sehtw", "ifst_team_manager", "senior_key_worker", "fhtm", "operations_manager", "ops_strategic_manager" },
  fields = { note = text { required = true } },
}
-- L410: "Managers must reach agreement on how they can support the family
-- until a team and Lead Professional are identified." (a record: [INF], spec §8.4)
record "interim_support_agreement" {
  line = 410,
  by = { "ifst_team_manager", "senior_key_worker", "fhtm", "operations_manager", "sehtw", "first_contact_manager" },
  fields = { arrangement = text { required = true } },
}
-- L477: "The IFST TM/SKW will record the initial case summary using the Timeline."
record "timeline" {
  line = 477,
  by = IFST_MANAGERS,
  fields = { initial_case_summary = text { required = true } },
}
-- L482 / L603: "record discussion and/or actions required on the Allocation Summary"
record "allocation_summary" {
  line = 482,
  by = { "ifst_team_manager", "senior_key_worker", "fhtm" },
  fields = { discussion_and_actions = text { required = true } },
}
-- L502-503 (IFST) and L615, L621 (Family Hub): PVP register, RAPID home visit
-- risk assessment, referrer spoken to (L501, L613).
record "initial_checks" {
  line = 503,
  fields = {
    pvp_register_checked = boolean { required = true },
    rapid_completed = boolean { required = true },
    referrer_spoken_to = boolean {},
  },
}
-- L679-744: the IFST whole-family assessment.
record "ifst_assessment" {
  line = 703,
  fields = {
    analysis = text { required = true },
    home_visit = boolean { required = true },                      -- L679
    direct_communication_with_children = boolean { required = true }, -- L679
    heat_date = date {},                                            -- L505
    stronger_families_outcomes = text {},                           -- L717
  },
}
-- L778-844: the Family Hub proportionate assessment (general-note boxes and
-- the mandatory tools HEAT and Voice of the Child).
record "fh_assessment" {
  line = 778,
  fields = {
    reason_for_contact = text { required = true },   -- L784
    detailed_notes = text { required = true },       -- L790
    analysis = text { required = true },             -- L804-806
    management_decision = text {},                   -- L812-814
    action = text {},                                -- L818-820
    heat_date = date { required = true },            -- L842, L861
    voice_of_child = text { required = true },       -- L844
  },
}
-- L764: "Second or Subsequent Assessment" / "Review Assessment (Annual Review of C&F)".
record "assessment_review" {
  line = 764,
  fields = { kind = enum { "annual_review", "second_or_subsequent", required = true }, summary = text {} },
}
-- L934-1064: the Child and Family Plan.
record "family_plan" {
  line = 934,
  fields = {
    worry_statement = text { required = true },     -- L934
    wellbeing_goal = text { required = true },      -- L934, L944
    wellbeing_scale = integer { min = 0, max = 10 }, -- L934
    exit_plan = text { required = true },           -- L1060
    time_limit = text {},                           -- L1011 (Family Hub)
  },
}
-- L633: "Offer a Family Network Meeting - record appropriate casenote type"; L1142.
record "fnm_record" {
  line = 633,
  fields = { held_on = date { required = true }, plan_agreed = text {} },
}
-- L1271-1305: requirements for a TAF meeting.
record "taf_record" {
  line = 1273,
  fields = {
    held_on = date { required = true },
    attendance_recorded = boolean { required = true },        -- L1274: sign in sheet / chair notes attendance
    next_meeting_at = datetime { required = true },           -- L1291: date and time of next meeting
    support_plan_weeks = integer { min = 4, max = 6 },        -- T27 L1245, L1301: four to six weeks of support
    next_taf_dates = list {},                                 -- T28 L1253: TAF dates for the next three months
    absent_views_gathered = boolean {},                       -- T29 L1305: views gathered one week prior
    manager_attended = boolean {},                            -- T30 L1307
    family_worker_invited = boolean {},                       -- L559
  },
}
-- L1333-1350: case recording (copied across siblings unless child-specific, L1335).
record "case_note" {
  line = 1343,
  fields = {
    summary = text { required = true },
    contact_type = enum { "home_visit", "office", "telephone", "taf", "fnm", "management_oversight", "other" },
    member = member {},
  },
}
-- L1348: "record ... where a child has been seen and if the child has been seen alone."
record "child_seen" {
  line = 1348,
  fields = { member = member { role = "child", required = true }, seen_by = text {} },
}
record "child_seen_alone" {
  line = 1348,  -- L1348: "and if the child has been seen alone"; L683: "seen alone if 5+ years old"
  fields = { member = member { role = "child", required = true }, seen_by = text {} },
}
-- L683: "OPS worker to have a face to face or group contact at least once every 10 working days."
record "ops_contact" {
  line = 683,
  fields = { contact = enum { "face_to_face", "group", required = true } },
}
-- L1341, L1463-1471: multi-agency chronology.
record "chronology_update" {
  line = 1341,
  fields = { summary = text { required = true } },
}
-- L1768-1770 (formal case supervision), L1015 (FH progress), L1673 (closure discussion).
record "case_supervision_form" {
  line = 1770,
  by = { "ifst_team_manager", "senior_key_worker", "fhtm", "operations_manager" },
  fields = { discussion = text { required = true } },
}
-- L1130: "The non-engagement toolkit should be completed."
record "non_engagement_toolkit" {
  line = 1130,
  fields = { summary = text { required = true } },
}
-- L1539: "Step Up/Step Down Request Form"
record "step_up_down_request_form" {
  line = 1539,
  fields = { to_team = text { required = true }, request_reason = text { required = true } },
}
-- L1567: "Family discussion took place on (date) at the Step Up/Step Down meeting
-- and agreement reached that this family will be stepped up/stepped down to (team)"
record "step_up_down_case_note" {
  line = 1567,
  fields = { meeting_date = date { required = true }, team = text { required = true } },
}
-- L1673, L1702: Family Survey offered/sent; "when this was and to whom".
record "family_survey_note" {
  line = 1673,
  fields = { sent_on = date { required = true }, recipients = text { required = true } },
}
-- L1680: Early Help Plan restarted and updated with the outcomes achieved (Family Hub).
record "closure_outcomes_plan" {
  line = 1680,
  fields = { outcomes_achieved = text { required = true } },
}
-- L1708-1710: manager's checks before sign-off (Case File Checklist, L1682).
record "closure_checklist" {
  line = 1708,
  by = OPS_MANAGERS,
  fields = {
    outcomes_section_checked = boolean { required = true },   -- L1708
    recordings_up_to_date = boolean { required = true },      -- L1708
    documents_uploaded = boolean { required = true },         -- L1710
  },
}
-- L1797: "'operation management oversight' case note" after a case clinic.
record "case_clinic_note" {
  line = 1797,
  by = { "operations_manager" },
  fields = { key_points = text { required = true } },
}

-- Timescales ----------------------------------------------------------------

-- 3.1 Front door
timescale "T01_triage_progressed_5wd" {
  line = 376,  -- L376: "up to 5 working days to progress a request for early help"
  what = "Early Help Triage Worker progresses the request (5 working days of receipt)",
  within = working_days(5),
  from = "enter:eh_triage",
  satisfied_by = { "triage_resolve", "triage_redirect", "triage_refer_lehc", "triage_allocate_ifst", "triage_allocate_fh" },
  note = "L376 and L456 state two rules; both are encoded",
}
timescale "T01_allocated_to_team_tray_5wd" {
  line = 456,  -- L456: "allocated to team via LiquidLogic EHM Tray within five working days of EHTW receiving request"
  what = "Request suitable for OPS allocated to the IFST or Family Hub tray (5 working days of EHTW receipt)",
  within = working_days(5),
  from = "enter:eh_triage",
  satisfied_by = { "triage_allocate_ifst", "triage_allocate_fh", "lehc_refer_ifst", "lehc_refer_fh" },
  cancelled_by = { "triage_resolve", "triage_redirect", "lehc_resolve", "lehc_redirect", "lehc_safeguarding" },
  note = "Applies to requests 'suitable for OPS IFS/FH Team' (L456): cancelled when triage or the LEHC resolves or re-directs",
}

-- 3.2 Threshold discussion (clocks from the challenge: see the header, T02-T05)
timescale "T02_threshold_discussion_2wd" {
  line = 390,  -- L390: "Threshold discussions should be concluded no later than two working days."
  what = "Threshold discussion concluded (2 working days)",
  within = working_days(2),
  from = "challenge_threshold",
  satisfied_by = { "td_resolved", "td_overturn_to_safeguarding", "td_uphold_eh", "td_step4_agree", "td_strategic_decision" },
}
timescale "T03_threshold_conversation_sehtw_1wd" {
  line = 398,  -- L398: threshold conversation "initiated ... to the Senior Early Help Triage Worker within one working day"
  what = "Step 2 threshold conversation with the SEHTW (1 working day)",
  within = working_days(1),
  from = "challenge_threshold",
  satisfied_by = { "td_resolved", "td_overturn_to_safeguarding", "td_no_agreement" },
  note = "L398 counts from receipt into the tray; run from the challenge (deviation from spec §8.4, see header)",
}
timescale "T04_threshold_ops_manager_2wd" {
  line = 402,  -- L402: "discuss the family with their Operations Manager within two workings days of receipt of the referral"
  what = "Step 3 discussion with the Operations Manager (2 working days)",
  within = working_days(2),
  from = "challenge_threshold",
  satisfied_by = { "td_uphold_eh", "td_safeguarding_view" },
  cancelled_by = { "td_resolved", "td_overturn_to_safeguarding" },
  note = "L402 counts from receipt of the referral; run from the challenge (deviation from spec §8.4, see header)",
}
timescale "T05_threshold_strategic_1wd" {
  line = 414,  -- L414: OPS Strategic Manager "will have a conversation with the First Contact Strategic Manager within one working day"
  what = "Step 5 strategic conversation and decision (1 working day)",
  within = working_days(1),
  from = "td_escalate",
  satisfied_by = { "td_strategic_decision" },
}

-- 3.3 / 3.4 Allocation
timescale "T06_ifst_allocation_2wd" {
  line = 476,  -- L476: "allocate to a Key Worker ... within two working days from the receipt of the referral into the Team Tray"
  what = "IFST Key Worker allocated (2 working days of receipt into the Team Tray)",
  within = working_days(2),
  from = { "triage_allocate_ifst", "lehc_refer_ifst", "agree_step_down_to_ifst", "transfer_to_ifst" },
  satisfied_by = { "allocate_key_worker" },
  note = "L458 states the same rule. It keeps running during a threshold discussion (L410, spec §8.4)",
}
timescale "T07_fh_allocation_7wd" {
  line = 599,  -- L599: "allocate to a Early Help Practitioner ... within seven working days from when it comes to the Family Hub in-tray"
  what = "Family Hub practitioner allocated (7 working days of arrival in the in-tray)",
  within = working_days(7),
  from = { "triage_allocate_fh", "lehc_refer_fh", "agree_step_down_to_fh", "transfer_to_fh" },
  satisfied_by = { "allocate_ehp", "allocate_ewbw" },
  note = "L458 states the same rule",
}

-- 3.3 IFST assessment period
timescale "T11_ifst_assessment_28wd" {
  line = 685,  -- L685: "no more than 28 working days from consent to also include quality assurance by the manager"
  what = "IFST assessment completed and signed off (28 working days from consent)",
  within = working_days(28),
  from = "record_consent",
  satisfied_by = { "sign_off_assessment" },
  -- L689: "No assessments should exceed 45 days from the date of consent. Any
  -- extension of 28 days must be with Management approval" (45 read as working days, spec §8.1)
  extendable = { by = IFST_MANAGERS, cap = working_days(45), line = 689 },
  note = "L689 restates 28 working days; L507 says 28 days (encoded separately as T11_ifst_assessment_28d)",
}
timescale "T11_ifst_assessment_28d" {
  line = 507,  -- L507: "All assessments to be completed within 28 days ... extended to no more than 45 days with agreement from Manager"
  what = "IFST assessment completed (28 days, as L507 words it)",
  within = days(28),
  from = "record_consent",
  satisfied_by = { "sign_off_assessment" },
  extendable = { by = IFST_MANAGERS, cap = days(45), line = 507 },
  note = "Second rule for the same thing (calendar days); T11_ifst_assessment_28wd is the spec §8.1 default",
}
timescale "T12_fnm_28d" {
  line = 510,  -- L510: FNM "within the assessment period, where possible within 28 days and before the first TAF meeting"
  what = "Family Network Meeting held (where possible within 28 days of consent)",
  within = days(28),
  from = "record_consent",
  satisfied_by = { "hold_fnm" },
}
timescale "T12_fnm_assessment_period" {
  line = 687,  -- L687: "expected that a Family Network Meeting and TAF will take place during the assessment period"
  what = "Family Network Meeting held during the assessment period (28 working days of consent)",
  within = working_days(28),
  from = "record_consent",
  satisfied_by = { "hold_fnm" },
  extendable = { by = IFST_MANAGERS, cap = working_days(45), line = 689 },
  note = "The assessment period is 28 working days (L685), extended with the assessment (L689) [INF]",
}
timescale "T13_initial_taf_28d" {
  line = 511,  -- L511: "the initial TAF should take place during the Assessment period of 28 days"
  what = "Initial TAF held (Assessment period of 28 days)",
  within = days(28),
  from = "record_consent",
  satisfied_by = { "hold_initial_taf" },
}
timescale "T13_initial_taf_assessment_period" {
  line = 1226,  -- L1226: "a TAF must take place during the assessment period as this will inform the assessment"
  what = "Initial TAF held during the assessment period (28 working days of consent)",
  within = working_days(28),
  from = "record_consent",
  satisfied_by = { "hold_initial_taf" },
  extendable = { by = IFST_MANAGERS, cap = working_days(45), line = 689 },
  note = "L1257 also places it 'after any Family Network Meeting'",
}

-- 3.4 Family Hub assessment
timescale "T14_fh_consent_10wd" {
  line = 617,  -- L617: "Consent to be gained within 10 working days from allocation."
  what = "Family Hub consent gained (10 working days of allocation)",
  within = working_days(10),
  from = { "allocate_ehp", "allocate_ewbw" },
  satisfied_by = { "record_fh_consent" },
  cancelled_by = { "consent_refused" },
}
timescale "T15_fh_assessment_submitted_15wd" {
  line = 645,  -- L645: "submit a proportionate assessment to their manager within 15 working days from the date that consent was obtained"
  what = "Proportionate assessment submitted to the FHTM (15 working days of consent)",
  within = working_days(15),
  from = "record_fh_consent",
  satisfied_by = { "submit_fh_assessment" },
  cancelled_by = { "propose_group_response" },   -- L824: group response, "no further assessment will be required"
}
timescale "T16_fh_assessment_finalised_5wd" {
  line = 645,  -- L645: "quality assured by the Family Hub Team Manager and finalised within 5 working days"
  what = "Proportionate assessment finalised by the FHTM (5 working days of submission)",
  within = working_days(5),
  from = "submit_fh_assessment",
  satisfied_by = { "finalise_fh_assessment" },
  cancelled_by = { "return_fh_assessment" },
  note = "L645 and L879 state two rules; both are encoded (spec §8.2: the earlier due date governs)",
}
timescale "T16_fh_assessment_finalised_20wd" {
  line = 879,  -- L879: "to ensure the assessment is finalised by FHTM within 20 working days"
  what = "Proportionate assessment finalised (20 working days of consent)",
  within = working_days(20),
  from = "record_fh_consent",
  satisfied_by = { "finalise_fh_assessment" },
  cancelled_by = { "propose_group_response" },
  note = "Counted from consent (L637: 'The assessment timescales are from the date of consent') [INF]",
}

-- Visits and recording (spec §8.6)
timescale "T17_child_seen_20wd" {
  line = 683,  -- L683: "all children and young people are seen a minimum of once every 20 working days"
  what = "Each child seen (every 20 working days)",
  every = working_days(20), per = "child",
  from = { "record_consent", "record_fh_consent" },
  satisfied_by = { "record:child_seen", "record:child_seen_alone" },
}
timescale "T17_child_seen_alone_20wd" {
  line = 683,  -- L683: "and be seen alone if 5+ years old"
  what = "Each child aged 5 or over seen alone (every 20 working days)",
  every = working_days(20), per = "child",
  applies = function(m, on)
    local a = age_on(m, on)
    return a ~= nil and a >= 5
  end,
  from = { "record_consent", "record_fh_consent" },
  satisfied_by = { "record:child_seen_alone" },
  note = "At least one seen-alone sighting in each 20-working-day window (spec §8.6) [INF]",
}
timescale "T18_under_one_visited_10wd" {
  line = 683,  -- L683: "Children under the age of one year old, should be visited once every 10 working days"
  what = "Each child under one visited by a member of the support network (every 10 working days)",
  every = working_days(10), per = "child",
  applies = function(m, on)
    local a = age_on(m, on)
    return a ~= nil and a < 1
  end,
  from = { "record_consent", "record_fh_consent" },
  satisfied_by = { "record:child_seen", "record:child_seen_alone" },
}
timescale "T19_ops_contact_10wd" {
  line = 683,  -- L683: "OPS worker to have a face to face or group contact at least once every 10 working days."
  what = "OPS worker face to face or group contact with the family (every 10 working days)",
  every = working_days(10),
  from = { "record_consent" },
  satisfied_by = { "record:ops_contact", "record:child_seen", "record:child_seen_alone" },
  note = "IFST cases only: it follows the intensive family support sentence (spec §8.6 default) [INF]",
}
timescale "T32_recording_24h" {
  line = 1333,  -- L1333: "contemporaneous record keeping, this means recording within 24 hours"
  what = "Meeting or visit recorded (24 hours)",
  within = hours(24),
  from = { "hold_fnm", "hold_initial_taf", "hold_taf", "professionals_meeting", "transfer_joint_home_visit" },
  satisfied_by = { "record:case_note" },
  note = "L1333 (24 hours) and L1343 (1 working day) state two rules; both are encoded (spec §8.8)",
}
timescale "T33_recording_1wd" {
  line = 1343,  -- L1343: "All case recording must be on LiquidLogic EHM within 1 working day."
  what = "Meeting or visit recorded on LiquidLogic EHM (1 working day)",
  within = working_days(1),
  from = { "hold_fnm", "hold_initial_taf", "hold_taf", "professionals_meeting", "transfer_joint_home_visit" },
  satisfied_by = { "record:case_note" },
}
timescale "T40_child_recording_20wd" {
  line = 1806,  -- L1806: "Children where there is no case recording for 20+ working days"
  what = "Case recording on each child (at least every 20 working days)",
  every = working_days(20), per = "child",
  from = { "record_consent", "record_fh_consent" },
  satisfied_by = { "record:case_note", "record:child_seen", "record:child_seen_alone" },
  note = "A weekly dashboard exception (L1803-1806); a case note without a member is copied to every child (L1335)",
}

-- Plans and TAFs
timescale "T20_annual_assessment_review" {
  line = 764,  -- L764: "all Assessments are reviewed annually if the episode remains open"
  what = "Assessment reviewed annually (Review Assessment, Annual Review of C&F)",
  every = months(12),
  from = { "sign_off_assessment", "finalise_fh_assessment" },
  satisfied_by = { "review_assessment" },
}
timescale "T21_plan_review_6_weeks" {
  line = 942,  -- L942: "All plans will be reviewed at four to six weekly intervals at TAF meetings/Family Network Meetings"
  what = "Plan reviewed at a TAF or Family Network Meeting (at most every six weeks)",
  every = weeks(6),
  from = { "sign_off_assessment", "establish_taf" },
  satisfied_by = { "hold_initial_taf", "hold_taf", "hold_fnm" },
  note = "L942 (four to six weekly) and L1007 (30 working days) state two rules; both are encoded (spec §8.7)",
}
timescale "T22_next_taf_30wd" {
  line = 1007,  -- L1007: "reviewed at each TAF meeting, which will take place within 30 working days from the last TAF"
  what = "Next TAF held (30 working days of the last TAF)",
  every = working_days(30),
  from = { "hold_initial_taf" },
  satisfied_by = { "hold_taf" },
  note = "L1297 states the same rule",
}
timescale "T23_plan_circulated_10wd" {
  line = 1293,  -- L1293: "A copy of the updated Family Plan should be sent to the family and all TAF members within 10 working days of the meeting."
  what = "Updated Family Plan circulated to the family and TAF members (10 working days of the TAF)",
  within = working_days(10),
  from = { "hold_initial_taf", "hold_taf" },
  satisfied_by = { "circulate_family_plan" },
  note = "L1007 and L1337 state the same rule",
}
timescale "T24_plan_updated_5wd" {
  line = 1265,  -- L1265: "The Family Plan should then be updated on LiquidLogic EHM within 5 working days following the TAF."
  what = "Family Plan updated on LiquidLogic EHM (5 working days of the TAF)",
  within = working_days(5),
  from = { "hold_initial_taf", "hold_taf" },
  satisfied_by = { "update_family_plan" },
}
timescale "T34_chronology_after_taf_30wd" {
  line = 1341,  -- L1341: chronology "kept up to date, at a minimum, after each TAF meeting within 30 working days from the last"
  what = "Chronology updated after the TAF (30 working days)",
  within = working_days(30),
  from = { "hold_initial_taf", "hold_taf" },
  satisfied_by = { "record:chronology_update" },
}

-- Family Hub reviews
timescale "T25_fh_extension_review_4_weeks" {
  line = 1013,  -- L1013: FHTM "may agree that support needs to continue for a further four weeks and this will be reviewed at the next case discussion"
  what = "Extended Family Hub support reviewed at the next case discussion (four weeks)",
  within = weeks(4),
  from = { "extend_fh_support" },
  satisfied_by = { "fh_case_review" },
}
timescale "T26_fh_six_week_review" {
  line = 1126,  -- L1126: "After the six weeks of work the family will be reviewed with the FHTM"
  what = "Family Hub work reviewed with the FHTM after six weeks",
  within = weeks(6),
  from = { "record_fh_consent" },
  satisfied_by = { "fh_case_review" },
  note = "Counted from Family Hub consent (spec §8.5) [INF]",
}

-- Step-up and transfers
timescale "T36_step_up_process_1wd" {
  line = 1563,  -- L1563: "the Case Step Up Process must be initiated within one working day on LiquidLogic"
  what = "LiquidLogic Case Step Up Process initiated (1 working day of agreement)",
  within = working_days(1),
  from = { "meeting_agrees_step_up", "immediate_step_up" },
  satisfied_by = { "initiate_step_up_process" },
}
timescale "T38_step_down_joint_visit_5wd" {
  line = 1637,  -- L1637: "The new worker and the IFS Key Worker will ... conduct a joint home visit within 5 working days"
  what = "Joint home visit by the new Family Hub worker and the IFS Key Worker (5 working days)",
  within = working_days(5),
  from = { "enter:fh_transfer_allocated" },
  satisfied_by = { "transfer_joint_home_visit" },
}
timescale "T39_step_up_joint_visit_5wd" {
  line = 1657,  -- L1657: "A joint Home Visit will take place within five working days by the Early Help Practitioner/... and the Key Worker."
  what = "Joint home visit by the Family Hub practitioner and the new Key Worker (5 working days)",
  within = working_days(5),
  from = { "enter:ifst_transfer_allocated" },
  satisfied_by = { "transfer_joint_home_visit" },
}

-- Case clinics
timescale "T41_open_six_months" {
  line = 1789,  -- L1789: case clinics may select "CYP cases open over six months."
  what = "Case open over six months: eligible for the Operations Manager's case clinic",
  within = months(6),
  from = { "triage_allocate_ifst", "triage_allocate_fh", "lehc_refer_ifst", "lehc_refer_fh",
    "agree_step_down_to_ifst", "agree_step_down_to_fh" },
  satisfied_by = { "record:case_clinic_note" },
  on_breach = { effect = function(case) case.data.case_clinic_eligible = true end },
  note = "A selection criterion, not a deadline: the breach marks the case eligible (see header)",
}

-- Actions: 3.1 Front door --------------------------------------------------------

action "fc_redirect_to_eh" {
  line = 445,  -- L445: "If deemed Early Help the referral is re-directed to Early Help Triage"
  title = "Re-direct to Early Help Triage",
  from = "fc_contact_received",
  by = { "first_contact_officer", "first_contact_social_worker" },
  input = { consent_obtained = boolean {} },
  guards = {
    { line = 378, reason = "a safeguarding referral triaged as early help is transferred only if consent is obtained",
      -- L378: "triaged as requiring an early help response (if consent obtained)"
      check = function(case, input)
        if case.data.requester ~= "safeguarding_referral" then return true end
        return input.consent_obtained == true or case.data.consent_obtained == true
      end },
  },
  effect = function(case, input)
    if input.consent_obtained ~= nil then case.data.consent_obtained = input.consent_obtained end
  end,
  to = "eh_triage",
  significant = "Transferred to Early Help Triage",
}
action "fc_route_safeguarding" {
  line = 368,  -- L368: Families First work with families "triaged as requiring safeguarding/statutory service (CIN/CP)"
  title = "Route to Families First (safeguarding)",
  from = "fc_contact_received",
  by = { "first_contact_officer", "first_contact_social_worker" },
  input = { rationale = text { required = true } },
  to = "referred_to_families_first",
  significant = "Referred to Families First",
}
action "triage_resolve" {
  line = 447,  -- L447: "Early Help Triage Workers, resolve, re-direct or refer ..."
  title = "Resolve at triage",
  from = "eh_triage", by = { "ehtw" },
  input = { outcome = text { required = true } },
  to = "closed_at_triage",
  significant = "Resolved at triage",
}
action "triage_redirect" {
  line = 447,  -- L447: "Early Help Triage Workers, resolve, re-direct ..."
  title = "Re-direct the request",
  from = "eh_triage", by = { "ehtw" },
  input = { redirected_to = text { required = true } },
  to = "redirected",
  significant = "Re-directed at triage",
}
action "triage_refer_lehc" {
  line = 447,  -- L447: "refer to Locality Early Help Conversation (Professional requests only)"
  title = "Invite the professional to a Locality Early Help Conversation",
  from = "eh_triage", by = { "ehtw" },
  guards = {
    { line = 447, reason = "a Locality Early Help Conversation is for professional requests only",
      check = function(case) return case.data.requester == "professional" end },
  },
  to = "lehc",
}
action "triage_allocate_ifst" {
  line = 374,  -- L374: "where needs are complex and require intensive support, EHTW, with management oversight, will allocate directly to the IFS Managers in-tray"
  title = "Allocate to the IFS Team tray",
  from = "eh_triage", by = { "ehtw" },
  input = { complex_needs = boolean { required = true, label = "Needs are complex and require intensive support" } },
  guards = {
    { line = 374, reason = "IFST allocation is for needs that are complex and require intensive support",
      check = function(case, input) return input.complex_needs == true end },
  },
  requires = { "mo_case_note" },   -- L374: "with management oversight"
  set = { pathway = "ifst" },
  to = "ifst_awaiting_allocation",
  significant = "Allocated to the IFS Team tray",
}
action "triage_allocate_fh" {
  line = 456,  -- L456 (L374: "progressing Family Hub referrals for parenting support as appropriate")
  title = "Allocate to the Family Hub in-tray",
  from = "eh_triage", by = { "ehtw" },
  set = { pathway = "fh" },
  to = "fh_awaiting_allocation",
  significant = "Allocated to the Family Hub in-tray",
}
action "lehc_resolve" {
  line = 452,  -- L449-454: the LEHC "is either resolve, redirect, refer to OPS IFS Team/ FH Team"
  from = "lehc", by = { "ehtw" },
  input = { outcome = text { required = true } },
  to = "closed_at_triage",
}
action "lehc_redirect" {
  line = 452,  -- L449-452: the LEHC "is either resolve, redirect, refer"
  from = "lehc", by = { "ehtw" },
  input = { redirected_to = text { required = true } },
  to = "redirected",
}
action "lehc_refer_ifst" {
  line = 430,  -- L430: "identifies heightened risk or complexity a referral will be considered for One Point Intensive Family Support Team"
  title = "Refer to the IFS Team after the LEHC",
  from = "lehc", by = { "ehtw" },
  input = { heightened_risk_or_complexity = boolean { required = true } },
  guards = {
    { line = 430, reason = "an IFST referral from the LEHC needs heightened risk or complexity",
      check = function(case, input) return input.heightened_risk_or_complexity == true end },
  },
  set = { pathway = "ifst" },
  to = "ifst_awaiting_allocation",
  significant = "Referred to the IFS Team after the LEHC",
}
action "lehc_refer_fh" {
  line = 453,  -- L452-454: "refer to OPS IFS Team/ FH Team"
  title = "Refer to the Family Hub after the LEHC",
  from = "lehc", by = { "ehtw" },
  set = { pathway = "fh" },
  to = "fh_awaiting_allocation",
  significant = "Referred to the Family Hub after the LEHC",
}
action "lehc_safeguarding" {
  line = 430,  -- L430: "If a Safeguarding concern is raised, Safeguarding procedures will be followed."
  from = "lehc", by = { "ehtw", "sehtw" },
  input = { concern = text { required = true } },
  to = "safeguarding_procedures",
  significant = "Safeguarding procedures followed",
}

-- Actions: 3.2 Threshold discussion ------------------------------------------

action "challenge_threshold" {
  line = 398,  -- L398: threshold conversation "initiated by the IFS Team Manager/Senior Key Worker or Family Hub Manager"
  title = "Challenge the threshold",
  from = { "ifst_awaiting_allocation", "fh_awaiting_allocation" },
  by = OPS_MANAGERS,
  input = { reason = text { required = true } },
  guards = {
    -- L402: the Operations Manager's upholding "will be the final decision";
    -- L418: "This decision is final and ends the threshold discussion."
    { line = 418, reason = "the threshold decision on this referral is final",
      check = function(case) return case.data.threshold_final ~= true end },
  },
  effect = function(case, input)
    case.data.td_origin = case.state
    case.data.td_reason = input.reason
  end,
  to = "td_step2_sehtw",
  significant = "Threshold challenged",
}
action "td_overturn_to_safeguarding" {
  line = 398,  -- L398: "if agreed that the decision to Early Help should be overturned, then the FCSWC will action this"
  title = "Overturn the Early Help decision (FCSWC)",
  from = "td_step2_sehtw", by = { "fcswc" },
  input = { sehtw_agreed = boolean { required = true } },
  guards = {
    { line = 398, reason = "the SEHTW and FCSWC must agree the Early Help decision should be overturned",
      check = function(case, input) return input.sehtw_agreed == true end },
  },
  to = "referred_to_families_first",
  significant = "Early Help decision overturned: Families First",
}
action "td_resolved" {
  line = 398,  -- L398 [INF]: SEHTW and manager agree; the referral stays Early Help
  title = "Threshold agreed at Step 2",
  from = "td_step2_sehtw", by = { "sehtw" },
  input = { agreement = text { required = true } },
  to = function(case) return case.data.td_origin end,
  targets = { "ifst_awaiting_allocation", "fh_awaiting_allocation" },
  significant = "Threshold agreed at Step 2",
}
action "td_no_agreement" {
  line = 402,  -- L402: "If agreement cannot be reached on the threshold by SEHTW/FCSWC"
  title = "No agreement at Step 2: to the Operations Manager",
  from = "td_step2_sehtw", by = { "sehtw" },
  to = "td_step3_ops_manager",
}
action "td_uphold_eh" {
  line = 402,  -- L402: OM "upholds the decision that the case is Early Help ... Management Oversight Case Note ... final decision"
  title = "Operations Manager upholds Early Help (final)",
  from = "td_step3_ops_manager", by = { "operations_manager" },
  creates = "mo_case_note",
  set = { threshold_final = true },
  to = function(case) return case.data.td_origin end,
  targets = { "ifst_awaiting_allocation", "fh_awaiting_allocation" },
  significant = "Early Help upheld by the Operations Manager (final)",
}
action "td_safeguarding_view" {
  line = 402,  -- L402: OM "feels it meets Safeguarding thresholds, move to Step 4"
  title = "Operations Manager considers safeguarding threshold met: Step 4",
  from = "td_step3_ops_manager", by = { "operations_manager" },
  input = { rationale = text { required = true } },
  to = "td_step4_fc_manager",
}
action "td_step4_agree" {
  line = 408,  -- L408: OM informs the SEHTW and "will proceed to have a conversation with the First Contact Manager"
  title = "Step 4 agreement between the Operations Manager and First Contact Manager",
  from = "td_step4_fc_manager", by = { "operations_manager", "first_contact_manager" },
  input = { outcome = enum { "early_help", "safeguarding", required = true } },
  requires = { "interim_support_agreement" },   -- L410: support "should not be delayed"
  to = function(case, input)
    if input.outcome == "safeguarding" then return "referred_to_families_first" end
    return case.data.td_origin
  end,
  targets = { "ifst_awaiting_allocation", "fh_awaiting_allocation", "referred_to_families_first" },
}
action "td_escalate" {
  line = 414,  -- L414: "If no agreement can be reached the OPS Operations Manager will escalate to OPS Strategic Manager"
  title = "Escalate to the Strategic Managers",
  from = "td_step4_fc_manager", by = { "operations_manager" },
  requires = { "interim_support_agreement" },   -- L410
  to = "td_step5_strategic",
}
action "td_strategic_decision" {
  line = 418,  -- L418: "The Strategic Manager will reach a decision ... Management Oversight Case Note ... This decision is final"
  title = "Strategic Manager's final threshold decision",
  from = "td_step5_strategic", by = { "ops_strategic_manager" },
  input = { outcome = enum { "early_help", "safeguarding", required = true } },
  creates = "mo_case_note",
  set = { threshold_final = true },
  to = function(case, input)
    if input.outcome == "safeguarding" then return "referred_to_families_first" end
    return case.data.td_origin
  end,
  targets = { "ifst_awaiting_allocation", "fh_awaiting_allocation", "referred_to_families_first" },
  significant = "Final threshold decision by the Strategic Manager",
}

-- Actions: 3.7 Step-down into OPS ---------------------------------------------

local STEP_DOWN_IN_GUARDS = {
  { line = 1583, reason = "a Families First step-down must be agreed by the Families First Team Manager",
    -- L1583: "agreed by the Families First Team Manager"
    check = function(case)
      return case.data.from_service ~= "families_first" or case.data.ff_tm_agreed == true
    end },
  { line = 1587, reason = "the family must understand and consent to stepping down",
    check = function(case) return case.data.family_consents == true end },
  { line = 1581, reason = "the request form must reach the core membership at least 1 working day before the meeting (or be accepted late, L1545)",
    check = function(case, input, facts) return form_in_time(case, input, facts) end },
  { line = 1567, reason = "the step-down case note is added on the day of the meeting",
    check = function(case, input, facts) return input.meeting_date == facts.today end },
}
action "agree_step_down_to_ifst" {
  line = 1589,  -- L1589: "The IFS Team Manager or Senior Key Worker must agree the family meets the threshold for the IFS Team and still require intensive family support"
  title = "Agree the step-down into the IFS Team",
  from = "step_down_from_statutory", by = IFST_MANAGERS,
  input = {
    meets_ifst_threshold = boolean { required = true },
    still_requires_intensive_support = boolean { required = true },
    late_request_accepted = boolean {},
  },
  creates = "step_up_down_case_note",
  guards = concat(STEP_DOWN_IN_GUARDS, {
    { line = 1589, reason = "the family must meet the IFS Team threshold and still require intensive support",
      check = function(case, input)
        return input.meets_ifst_threshold == true and input.still_requires_intensive_support == true
      end },
  }),
  set = { pathway = "ifst" },
  to = "ifst_awaiting_allocation",
  significant = "Stepped down into the IFS Team",
}
action "agree_step_down_to_fh" {
  line = 1589,  -- L1589: "the family may step down to the Family Hub for a FC programme, with FCTM agreement"; L1593
  title = "Agree the step-down into the Family Hub",
  from = "step_down_from_statutory", by = { "fhtm" },
  input = { late_request_accepted = boolean {} },
  creates = "step_up_down_case_note",
  guards = STEP_DOWN_IN_GUARDS,
  set = { pathway = "fh" },
  to = "fh_awaiting_allocation",
  significant = "Stepped down into the Family Hub",
}
action "decline_step_down" {
  line = 1589,  -- [INF] the IFS TM/SKW or FHTM does not agree the threshold
  title = "Step-down into One Point not agreed",
  from = "step_down_from_statutory", by = OPS_MANAGERS,
  input = { reason = text { required = true } },
  to = "step_down_declined",
}

-- Actions: 3.3 IFST -----------------------------------------------------------

action "allocate_key_worker" {
  line = 476,  -- L476: "read referral and allocate to a Key Worker on LiquidLogic EHM within two working days"
  title = "Allocate a Key Worker",
  from = "ifst_awaiting_allocation", by = IFST_MANAGERS,
  input = {
    key_worker = user { required = true, role = "key_worker" },
    -- L685: "At the point of allocation, the Team Manager or Senior Key Worker will
    -- indicate the expected timescale for the assessment ... no more than 28 working days"
    expected_assessment_working_days = integer { required = true, min = 1, max = 28 },
    caseload_override_reason = text {},
  },
  creates = "allocation_summary",   -- L482
  requires = { "timeline" },        -- L477: initial case summary on the Timeline
  assign = "key_worker",            -- L488: "Reassign the case to the Key Worker on LL EHM."
  facts = { "assignee_children" },
  guards = {
    { line = 490, reason = "the Key Worker's caseload would exceed approximately 25 children (record a caseload_override_reason to proceed)",
      check = function(case, input, facts)
        if input.caseload_override_reason ~= nil and input.caseload_override_reason ~= "" then return true end
        return facts.assignee_children + #children(case) <= facts.limits.key_worker_children
      end },
  },
  effect = function(case, input)
    case.data.expected_assessment_working_days = input.expected_assessment_working_days
  end,
  to = function(case)
    if case.data.transfer_in == true then return "ifst_transfer_allocated" end
    return "ifst_allocated"
  end,
  targets = { "ifst_allocated", "ifst_transfer_allocated" },
  significant = "Key Worker allocated",
}
action "transfer_joint_home_visit" {
  line = 1657,  -- L1657 (FH -> IFST) and L1637 (IFST -> FH): joint home visit "so the family can meet the new worker"
  title = "Joint home visit with the previous and new workers",
  from = { "ifst_transfer_allocated", "fh_transfer_allocated" }, by = { "assigned" },
  input = { previous_worker = text { required = true } },
  set = { transfer_in = false },
  to = function(case)
    if case.state == "ifst_transfer_allocated" then return "ifst_allocated" end
    return "fh_allocated"
  end,
  targets = { "ifst_allocated", "fh_allocated" },
  significant = "Joint home visit with the new worker",
}
action "record_consent" {
  line = 685,  -- L685/L689: assessment timescales run "from consent"; L1469: "open a new chronology from the point of consent"
  title = "Record the family's consent (IFST)",
  from = "ifst_allocated", by = { "assigned" },
  requires = { "initial_checks" },   -- L502-503: PVP register and RAPID before the home visit [INF: before consent]
  to = "ifst_assessment",
  significant = "Consent given: IFST assessment started",
}
action "consent_refused" {
  line = 617,  -- [INF] the document has no consent-refusal path (spec §8.13): close via manager sign-off
  title = "Family does not consent",
  from = { "ifst_allocated", "fh_allocated" }, by = { "assigned" },
  input = { reason = text { required = true } },
  to = "closure_pending_signoff",
  significant = "Consent refused",
}
action "hold_fnm" {
  line = 510,  -- L510: FNM "arranged and carried out within the assessment period"; L633 (FH: "Offer a Family Network Meeting")
  title = "Family Network Meeting held",
  from = concat(IFST_OPEN, { "fh_assessment", "fh_plan_pending", "fh_group_programme", "fh_intervention" }),
  by = { "assigned" },
  creates = "fnm_record",
}
action "hold_initial_taf" {
  line = 1257,  -- L1257: "this should be during the Assessment period and after any Family Network Meeting"
  title = "Initial TAF held",
  from = { "ifst_assessment", "ifst_assessment_qa", "fh_intervention" }, by = { "assigned" },
  creates = "taf_record",
  guards = {
    { line = 1257, reason = "the initial TAF has already been held",
      check = function(case) return (case.data.taf_count or 0) == 0 end },
    { line = 1120, reason = "a Family Hub TAF is held only once established with the manager",
      check = function(case) return case.data.pathway ~= "fh" or case.data.taf_open == true end },
  },
  effect = function(case) case.data.taf_count = 1 end,
  significant = "Initial TAF held",
}
action "hold_taf" {
  line = 1297,  -- L1297: "The Team around the Family will review the Family Plan within 30 working days from the last TAF"
  title = "Review TAF held",
  from = TAF_STATES,
  by = { "assigned" },   -- L1263: the OPS practitioner chairs; L1269: Family Workers do not deputise
  creates = "taf_record",
  guards = {
    { line = 1257, reason = "the initial TAF has not been held",
      check = function(case) return (case.data.taf_count or 0) >= 1 end },
    { line = 1120, reason = "a Family Hub TAF is held only once established with the manager",
      check = function(case) return case.data.pathway ~= "fh" or case.data.taf_open == true end },
    -- L1307: "If not due for closure, a OPS manager (IFST or FC TM/SKW) will attend every third TAF"
    -- (TAF #3, #6, ... counting the initial TAF as #1: spec §8.7 [INF])
    { line = 1307, reason = "an OPS manager must attend every third TAF unless the case is due for closure",
      check = function(case, input)
        local n = (case.data.taf_count or 0) + 1
        if n % 3 ~= 0 then return true end
        if case.state == "closure_proposed" or case.state == "closure_pending_request"
          or case.state == "closure_pending_signoff" then return true end
        return input.manager_attended == true
      end },
  },
  effect = function(case) case.data.taf_count = (case.data.taf_count or 0) + 1 end,
  significant = "TAF held",
}
action "update_family_plan" {
  line = 1265,  -- L1265: plan "updated on LiquidLogic EHM within 5 working days following the TAF"; L1275: the Key Worker's responsibility
  title = "Update the Family Plan on LiquidLogic EHM",
  from = concat(TAF_STATES, { "fh_plan_pending" }), by = { "assigned" },   -- L649: the FH practitioner completes the plan
  creates = "family_plan",
}
action "circulate_family_plan" {
  line = 1293,  -- L1293; L1007: "shared with the family and TAF members (with family consent)"
  title = "Circulate the updated Family Plan",
  from = TAF_STATES, by = { "assigned" },
  input = {
    circulated_to = text { required = true },
    family_consent_to_share = boolean { required = true },
  },
  guards = {
    { line = 1007, reason = "the Family Plan is shared with TAF members only with family consent",
      check = function(case, input) return input.family_consent_to_share == true end },
  },
}
action "submit_assessment" {
  line = 685,  -- L685: the KW's assessment, then "quality assurance by the manager"
  title = "Submit the IFST assessment for manager QA",
  from = "ifst_assessment", by = { "assigned" },
  creates = "ifst_assessment",
  guards = {
    { line = 679, reason = "the assessment must include a visit to the family home and direct communication with the children",
      check = function(case, input) return input.home_visit == true and input.direct_communication_with_children == true end },
    { line = 1226, reason = "a TAF must take place during the assessment period as it informs the assessment",
      check = function(case) return (case.data.taf_count or 0) >= 1 end },
  },
  to = "ifst_assessment_qa",
}
action "return_assessment" {
  line = 685,  -- L685: the 28 working days "include quality assurance by the manager" [INF: return to the KW]
  title = "Return the assessment to the Key Worker",
  from = "ifst_assessment_qa", by = IFST_MANAGERS,
  input = { feedback = text { required = true } },
  to = "ifst_assessment",
}
action "sign_off_assessment" {
  line = 758,  -- L758: "should have seen the assessment prior to manager sign off"
  title = "Manager signs off the IFST assessment",
  from = "ifst_assessment_qa", by = IFST_MANAGERS,
  input = {
    family_seen_assessment = boolean { required = true },
    disagreements = text {},   -- L758: noted in case notes, TM/SKW made aware
  },
  guards = {
    { line = 758, reason = "the family must have seen the assessment before manager sign-off",
      check = function(case, input) return input.family_seen_assessment == true end },
  },
  to = "ifst_intervention",
  significant = "IFST assessment signed off",
}
action "review_assessment" {
  line = 764,  -- L764: "Second or Subsequent Assessment" / "Review Assessment (Annual Review of C&F)"
  title = "Review or update the assessment",
  from = { "ifst_intervention", "ifst_non_engagement", "fh_intervention", "fh_group_programme" },
  by = { "assigned" },
  creates = "assessment_review",
}
action "significant_change" {
  line = 764,  -- L764: changes "deemed significant by the Team Manager"
  title = "Team Manager deems a change significant (Second or Subsequent Assessment)",
  from = { "ifst_intervention", "ifst_non_engagement" }, by = IFST_MANAGERS,
  input = { change = text { required = true } },
  set = { subsequent_assessment_due = true },
}
action "request_family_worker" {
  line = 524,  -- L524: "Requests for Family Worker support by Key Workers will be by discussion with the Key Worker and Senior Key Worker"; L523
  title = "Request Family Worker support",
  from = { "ifst_allocated", "ifst_assessment", "ifst_assessment_qa", "ifst_intervention", "ifst_non_engagement" },
  by = { "assigned", "senior_key_worker", "ifst_team_manager" },
  input = { work_requested = text { required = true } },
  spawn = {
    workflow = "family_worker",
    data = function(case, input)
      return { family_name = case.data.family_name, work_requested = input.work_requested }
    end,
  },
  significant = "Family Worker support requested",
}
action "record_missed_appointment" {
  line = 1180,  -- L1180: "Three missed planned appointments" (counted since the last manager discussion, spec §8.12 [INF])
  title = "Record a missed planned appointment",
  from = concat(IFST_OPEN, FH_OPEN), by = { "assigned" },
  effect = function(case) case.data.missed_appointments = (case.data.missed_appointments or 0) + 1 end,
}
action "raise_non_engagement" {
  line = 1176,  -- L1176-1182: "Discuss concerns with a manager" when access is denied, three missed appointments, or at checkpoints
  title = "Raise non-engagement with a manager",
  from = "ifst_intervention", by = { "assigned", "ifst_team_manager", "senior_key_worker" },
  input = { trigger = enum { "access_denied", "three_missed_appointments", "management_checkpoint", required = true } },
  guards = {
    { line = 1180, reason = "fewer than three planned appointments have been missed",
      check = function(case, input)
        return input.trigger ~= "three_missed_appointments" or (case.data.missed_appointments or 0) >= 3
      end },
  },
  to = "ifst_non_engagement",
  significant = "Non-engagement raised",
}
action "engagement_restored" {
  line = 1186,  -- L1186: "Manager discusses the range of engagement activities used with practitioner"
  title = "Engagement restored",
  from = "ifst_non_engagement", by = { "assigned", "ifst_team_manager", "senior_key_worker" },
  guards = {
    { line = 1192, reason = "discussions and attempts at engagement must be recorded on the Case Supervision Form or an MO case note",
      check = function(case) return has_record(case, "case_supervision_form") or has_record(case, "mo_case_note") end },
  },
  set = { missed_appointments = 0 },
  to = "ifst_intervention",
}
action "professionals_meeting" {
  line = 1206,  -- L1206-1208: "plan a professionals meeting ... Notify the family this is happening and welcome their attendance."
  title = "Professionals meeting held",
  from = "ifst_non_engagement", by = { "assigned", "ifst_team_manager", "senior_key_worker" },
  input = {
    safeguarding_concerns = text { required = true },
    family_notified = boolean { required = true },
  },
  guards = {
    { line = 1208, reason = "the family must be notified of the professionals meeting",
      check = function(case, input) return input.family_notified == true end },
  },
}
action "non_engagement_outcome" {
  line = 1170,  -- L1164-1170: Step 3 Case Management Supervision (Harm Matrix), then Step 4 "Closure / Step Up"
  title = "Non-engagement outcome: closure or step-up",
  from = "ifst_non_engagement", by = IFST_MANAGERS,
  input = { outcome = enum { "closure", "step_up", required = true } },
  requires = { "case_supervision_form" },   -- L1166 Step 3 recorded before Step 4
  effect = function(case, input)
    if input.outcome == "step_up" then case.data.resume_state = "ifst_intervention" end
  end,
  to = function(case, input)
    if input.outcome == "step_up" then return "step_up_requested" end
    return "closure_proposed"
  end,
  targets = { "closure_proposed", "step_up_requested" },
}

-- Actions: 3.5 IFST -> Family Hub step-down ---------------------------------

action "propose_step_down_to_fh" {
  line = 1613,  -- L1613: "requires Stepping Down to the Family Hub Team, the family will be discussed at the weekly Step Up/Step Down meeting"
  title = "Propose step-down to the Family Hub",
  from = "ifst_intervention", by = { "assigned", "ifst_team_manager", "senior_key_worker" },
  creates = "step_up_down_request_form",
  effect = function(case) case.data.resume_state = case.state end,
  to = "step_down_to_fh_pending",
}
action "taf_recommends_step_down" {
  line = 1696,  -- L1696-1698: "TAF considers whether on-going support through Family Hub ... Step-Down procedures followed"
  title = "TAF recommends step-down to the Family Hub",
  from = "closure_proposed", by = { "assigned" },
  creates = "step_up_down_request_form",
  guards = {
    { line = 1605, reason = "only an IFST family steps down to the Family Hub",
      check = function(case) return case.data.pathway == "ifst" end },
  },
  effect = function(case) case.data.resume_state = case.state end,
  to = "step_down_to_fh_pending",
}
action "agree_step_down" {
  line = 1609,  -- L1609: "discussed with the TAF members, and then agreed by the IFS Team Manager or Senior Key Worker"
  title = "IFS Team Manager / SKW agrees the step-down",
  from = "step_down_to_fh_pending", by = IFST_MANAGERS,
  input = { taf_members_discussed = boolean { required = true } },
  guards = {
    { line = 1609, reason = "the step-down must first be discussed with the TAF members",
      check = function(case, input) return input.taf_members_discussed == true end },
  },
  set = { step_down_agreed = true },
}
action "circulate_request_form" {
  line = 1543,  -- L1543: the Team Coordinator "will circulate to the core membership ... 1 working day prior to the meeting"
  title = "Circulate the Step Up/Step Down Request Form",
  from = { "step_down_to_fh_pending", "step_up_requested", "fh_step_up_to_ifst_pending" },
  by = { "team_coordinator" },
  requires = { "step_up_down_request_form" },
  effect = function(case, input, facts) case.data.form_circulated_on = facts.today end,
}
action "step_down_meeting_decision" {
  line = 1615,  -- L1615: outstanding plan elements, risks and pieces of work identified; "A decision will then be made on what the Family Hub Team and partners can offer"
  title = "Weekly Step Up/Down meeting decides the step-down",
  from = "step_down_to_fh_pending", by = MEETING,
  input = {
    outcome = enum { "agreed", "not_agreed", required = true },
    outstanding_plan_elements = text { required = true },
    fh_offer = text {},
    late_request_accepted = boolean {},
  },
  creates = "step_up_down_case_note",
  guards = {
    { line = 1543, reason = "the request form must reach the core membership 1 working day before the meeting (or be accepted late, L1545)",
      check = function(case, input, facts) return form_in_time(case, input, facts) end },
    { line = 1567, reason = "the step-down case note is added on the day of the meeting",
      check = function(case, input, facts) return input.meeting_date == facts.today end },
  },
  effect = function(case, input)
    case.data.step_down_meeting_agreed = (input.outcome == "agreed")
  end,
  to = function(case, input)
    if input.outcome == "agreed" then return "step_down_to_fh_pending" end
    return case.data.resume_state
  end,
  targets = { "step_down_to_fh_pending", "ifst_intervention", "closure_proposed" },
}
action "fhtm_confirm_step_down" {
  line = 1617,  -- L1617: "The Family Hub Team Manager confirms that stepping down the family has been agreed by the TAF members and the family"
  title = "FHTM confirms the TAF and family agree the step-down",
  from = "step_down_to_fh_pending", by = { "fhtm" },
  input = { taf_and_family_agreed = boolean { required = true } },
  guards = {
    { line = 1617, reason = "the TAF members and the family must have agreed the step-down",
      check = function(case, input) return input.taf_and_family_agreed == true end },
  },
  set = { fhtm_confirmed_step_down = true },
}
action "transfer_to_fh" {
  line = 1633,  -- L1633: "the IFS Team Manger or Senior Key Worker will transfer the family on LiquidLogic EHM to the Family Hub Team Manager who will then allocate"
  title = "Transfer the family to the Family Hub",
  from = "step_down_to_fh_pending", by = IFST_MANAGERS,
  input = { family_consents = boolean { required = true } },
  guards = {
    { line = 1609, reason = "the step-down has not been agreed by the IFS Team Manager or Senior Key Worker",
      check = function(case) return case.data.step_down_agreed == true end },
    { line = 1613, reason = "the weekly Step Up/Step Down meeting has not agreed the step-down",
      check = function(case) return case.data.step_down_meeting_agreed == true end },
    { line = 1617, reason = "the FHTM has not confirmed the TAF and family agree",
      check = function(case) return case.data.fhtm_confirmed_step_down == true end },
    { line = 1587, reason = "the family must understand and consent to stepping down",
      check = function(case, input) return input.family_consents == true end },
  },
  set = { pathway = "fh", transfer_in = true, taf_open = false },
  cancel = concat(VISIT_CLOCKS, PLAN_CLOCKS),
  to = "fh_awaiting_allocation",
  significant = "Stepped down from IFST to the Family Hub",
}

-- Actions: 3.4 Family Hub ---------------------------------------------------

local FH_ALLOCATION_TARGET = function(case)
  if case.data.transfer_in == true then return "fh_transfer_allocated" end
  return "fh_allocated"
end
action "allocate_ehp" {
  line = 599,  -- L599; L603: "Record discussion and actions in the allocation summary"
  title = "Allocate an Early Help Practitioner",
  from = "fh_awaiting_allocation", by = { "fhtm" },
  input = { ehp = user { required = true, role = "ehp" } },
  creates = "allocation_summary",
  assign = "ehp",
  to = FH_ALLOCATION_TARGET,
  targets = { "fh_allocated", "fh_transfer_allocated" },
  significant = "Early Help Practitioner allocated",
}
action "allocate_ewbw" {
  line = 657,  -- L657: "allocate families to the Emotional Wellbeing Worker (EWBW) via routine allocation processes"
  title = "Allocate an Emotional Wellbeing Worker",
  from = "fh_awaiting_allocation", by = { "fhtm" },
  input = { ewbw = user { required = true, role = "ewbw" } },
  creates = "allocation_summary",
  assign = "ewbw",
  to = FH_ALLOCATION_TARGET,
  targets = { "fh_allocated", "fh_transfer_allocated" },
  significant = "Emotional Wellbeing Worker allocated",
}
action "record_fh_consent" {
  line = 637,  -- L637: "The assessment timescales are from the date of consent."; L617
  title = "Record the family's consent (Family Hub)",
  from = "fh_allocated", by = { "assigned" },
  requires = { "initial_checks" },   -- L615, L621: PVP register and RAPID
  to = "fh_assessment",
  significant = "Consent given: Family Hub assessment started",
}
action "propose_group_response" {
  line = 824,  -- L824: "a group response would be appropriate ... no further assessment will be required"
  title = "Group response: no further assessment",
  from = "fh_assessment", by = { "assigned" },
  input = { fhtm_agreed = boolean { required = true } },
  guards = {
    { line = 820, reason = "the group response is decided in conjunction with the FHTM",
      check = function(case, input) return input.fhtm_agreed == true end },
  },
  to = "fh_group_programme",
}
action "submit_fh_assessment" {
  line = 645,  -- L645: "submit a proportionate assessment to their manager"
  title = "Submit the proportionate assessment to the FHTM",
  from = "fh_assessment", by = { "assigned" },
  creates = "fh_assessment",
  to = "fh_assessment_qa",
}
action "return_fh_assessment" {
  line = 882,  -- L882: "return any assessments that do not meet minimum standards or where presentation/writing is poor"
  title = "Return the assessment to the practitioner",
  from = "fh_assessment_qa", by = { "fhtm" },
  input = { feedback = text { required = true } },
  to = "fh_assessment",
}
action "finalise_fh_assessment" {
  line = 879,  -- L879: "finalised by FHTM"; L878: "check the family have already had sight of the assessment"
  title = "FHTM finalises the proportionate assessment",
  from = "fh_assessment_qa", by = { "fhtm" },
  input = { family_seen_assessment = boolean { required = true } },
  guards = {
    { line = 878, reason = "the family must already have had sight of the assessment",
      check = function(case, input) return input.family_seen_assessment == true end },
  },
  set = { fh_assessment_finalised = true },
  to = "fh_plan_pending",
  significant = "Family Hub assessment finalised",
}
action "authorise_family_plan" {
  line = 649,  -- L649: "sent to the Family Hub Team Manger to be authorised and then closed"
  title = "FHTM authorises the Family Plan",
  from = "fh_plan_pending", by = { "fhtm" },
  requires = { "family_plan" },
  effect = function(case)
    -- spec §8.11: the plan record is closed unless a TAF is running (L649)
    if case.data.taf_open == true then case.data.plan_record_status = "open"
    else case.data.plan_record_status = "closed" end
  end,
  to = "fh_intervention",
  significant = "Family Plan authorised",
}
action "fh_case_review" {
  line = 1126,  -- L1126-1130: six-week review with the FHTM; L1015: progress recorded in the Case Supervision Form
  title = "FHTM case discussion / review",
  from = { "fh_intervention", "fh_group_programme" }, by = { "fhtm" },
  input = {
    review_outcome = enum { "further_time_limited_work", "add_programme", "step_up_meeting", "non_engagement_toolkit", required = true },
  },
  creates = "case_supervision_form",
  to = "fh_intervention",
}
action "extend_fh_support" {
  line = 1013,  -- L1013: "where other options of support have been explored and consideration has been given to step-down to another agency ... a further four weeks"
  title = "Extend Family Hub support by four weeks",
  from = "fh_intervention", by = { "fhtm" },
  input = {
    other_options_explored = boolean { required = true },
    step_down_considered = boolean { required = true },
  },
  guards = {
    { line = 1013, reason = "other options of support must have been explored and step-down to another agency considered",
      check = function(case, input) return input.other_options_explored == true and input.step_down_considered == true end },
  },
}
action "establish_taf" {
  line = 1120,  -- L1120: "A TAF may not be required at Family Hub level but could be considered for the family in discussion with the manager."
  title = "Establish a TAF for the Family Hub family",
  from = "fh_intervention", by = { "assigned" },
  input = { manager_agreed = boolean { required = true } },
  guards = {
    { line = 1120, reason = "a Family Hub TAF is considered in discussion with the manager",
      check = function(case, input) return input.manager_agreed == true end },
  },
  -- L649: "The Family Plan will also need to be restarted if there is a TAF and
  -- this will need to remain open for the duration of the TAF."
  set = { taf_open = true, plan_record_status = "open" },
}
action "restart_family_plan" {
  line = 1015,  -- L1015: "If there has been a significant change in the plan ... restarted by the practitioner ... sent for authorisation"
  title = "Restart the Family Plan",
  from = "fh_intervention", by = { "assigned" },
  input = { change = text { required = true } },
  set = { plan_record_status = "awaiting_authorisation" },
  to = "fh_plan_pending",
}
action "record_non_engagement_toolkit" {
  line = 1130,  -- L1130: "The non-engagement toolkit should be completed."
  title = "Complete the non-engagement toolkit",
  from = { "fh_intervention", "fh_group_programme" }, by = { "assigned" },
  creates = "non_engagement_toolkit",
}
action "request_step_up_to_ifst" {
  line = 1649,  -- L1649: "the Family Hub Team Manager will follow the Step-Up procedures"; L1639: "the first step is to review the Assessment and Family Plan"
  title = "Request step-up from the Family Hub to the IFS Team",
  from = "fh_intervention", by = { "fhtm" },
  input = { assessment_and_plan_reviewed = boolean { required = true } },
  creates = "step_up_down_request_form",
  guards = {
    { line = 1639, reason = "the Assessment and Family Plan must be reviewed first",
      check = function(case, input) return input.assessment_and_plan_reviewed == true end },
  },
  to = "fh_step_up_to_ifst_pending",
}
action "step_up_meeting_decision" {
  line = 1645,  -- L1645: "Support and guidance can be provided by the Intensive Family Support Team via the weekly Step Up/Step Down meeting."
  title = "Weekly Step Up/Down meeting decides the step-up to the IFS Team",
  from = "fh_step_up_to_ifst_pending", by = MEETING,
  input = {
    outcome = enum { "agreed", "not_agreed", required = true },
    late_request_accepted = boolean {},
  },
  creates = "step_up_down_case_note",
  guards = {
    { line = 1653, reason = "the Family Hub assessment must be finalised prior to the Step-Up Meeting",
      check = function(case) return case.data.fh_assessment_finalised == true end },
    { line = 1543, reason = "the request form must reach the core membership 1 working day before the meeting (or be accepted late, L1545)",
      check = function(case, input, facts) return form_in_time(case, input, facts) end },
    { line = 1567, reason = "the step-up case note is added on the day of the meeting",
      check = function(case, input, facts) return input.meeting_date == facts.today end },
  },
  effect = function(case, input) case.data.ifst_step_up_agreed = (input.outcome == "agreed") end,
  to = function(case, input)
    if input.outcome == "agreed" then return "fh_step_up_to_ifst_pending" end
    return "fh_intervention"
  end,
  targets = { "fh_step_up_to_ifst_pending", "fh_intervention" },
}
action "transfer_to_ifst" {
  line = 1653,  -- L1653: "should follow LiquidLogic guidance on transferring the family to the IFS Team Manager"
  title = "Transfer the family to the IFS Team",
  from = "fh_step_up_to_ifst_pending", by = { "fhtm" },
  input = { family_consents = boolean { required = true } },
  guards = {
    { line = 1649, reason = "the weekly meeting has not agreed the step-up to the IFS Team",
      check = function(case) return case.data.ifst_step_up_agreed == true end },
    { line = 1653, reason = "the Family Hub assessment must be finalised",
      check = function(case) return case.data.fh_assessment_finalised == true end },
    { line = 1587, reason = "the family must understand and consent to stepping up",
      check = function(case, input) return input.family_consents == true end },
  },
  set = { pathway = "ifst", transfer_in = true },
  cancel = concat(VISIT_CLOCKS, PLAN_CLOCKS, FH_CLOCKS),
  to = "ifst_awaiting_allocation",
  significant = "Stepped up from the Family Hub to the IFS Team",
}

-- Actions: 3.6 Step-up to statutory services ------------------------------------

local STEP_UP_FROM = concat({ "ifst_assessment", "ifst_assessment_qa", "ifst_intervention" },
  { "fh_assessment", "fh_assessment_qa", "fh_plan_pending", "fh_group_programme", "fh_intervention" })
action "request_step_up" {
  line = 1539,  -- L1539: "All requests for step up/step down need to be submitted to the appropriate manager on the Step Up/Step Down Request Form."
  title = "Request step-up to statutory services",
  from = STEP_UP_FROM,
  by = { "assigned", "ifst_team_manager", "senior_key_worker", "fhtm" },
  creates = "step_up_down_request_form",   -- to_team: Families First, CWD, YPS or ASET (L1561, L1575)
  effect = function(case) case.data.resume_state = case.state end,
  to = "step_up_requested",
  significant = "Step-up requested",
}
action "meeting_agrees_step_up" {
  line = 1525,  -- L1525: the weekly meeting will "discuss the family's level of need ... and agree a course of action"
  title = "Weekly Step Up/Down meeting agrees the step-up",
  from = "step_up_requested", by = MEETING,
  input = {
    family_consents = boolean { required = true },
    late_request_accepted = boolean {},
  },
  creates = "step_up_down_case_note",
  guards = {
    { line = 1587, reason = "the family must understand and consent to stepping up",
      check = function(case, input) return input.family_consents == true end },
    { line = 1543, reason = "the request form must reach the core membership 1 working day before the meeting (or be accepted late, L1545)",
      check = function(case, input, facts) return form_in_time(case, input, facts) end },
    { line = 1653, reason = "a Family Hub assessment must be finalised prior to the Step-Up Meeting",
      check = function(case) return case.data.pathway ~= "fh" or case.data.fh_assessment_finalised == true end },
    { line = 1567, reason = "the step-up case note is added on the day of the meeting",
      check = function(case, input, facts) return input.meeting_date == facts.today end },
  },
  to = "step_up_agreed",
  significant = "Step-up agreed at the weekly meeting",
}
action "meeting_declines" {
  line = 1525,  -- L1525: "agree a course of action"
  title = "Weekly meeting does not agree the step-up",
  from = "step_up_requested", by = MEETING,
  input = { course_of_action = text { required = true } },
  to = function(case) return case.data.resume_state end,
  targets = STEP_UP_FROM,
}
action "immediate_step_up" {
  line = 1551,  -- L1551: "believes a child may be or is at risk of suffering significant harm; it is not appropriate to delay action by waiting ... weekly allocation meeting"
  title = "Immediate step-up for significant harm",
  from = ACTIVE,
  by = { "key_worker", "ehp", "ewbw", "family_worker", "ifst_team_manager", "senior_key_worker", "fhtm" },
  input = { families_first_contact = text { required = true } },   -- L1553: "discuss with Families First"
  creates = "case_note",   -- L1555: "All decision making and actions must be recorded"
  to = "step_up_agreed",
  significant = "Immediate step-up: significant harm",
}
action "initiate_step_up_process" {
  line = 1563,  -- L1563: "the Case Step Up Process must be initiated within one working day on LiquidLogic"
  title = "Initiate the LiquidLogic Case Step Up Process",
  from = "step_up_agreed", by = OPS_MANAGERS,   -- [INF] spec §8.9
  input = { stepped_up_to = enum { "families_first", "children_with_disabilities", "young_peoples_service", "aset", required = true } },
  to = "stepped_up",
  significant = "Stepped up to statutory services",
}

-- Actions: linked sub-processes (spec §3.9) -------------------------------------

-- States in which the family has an OPS Lead Professional (allocated onwards).
local LP_STATES = concat({ "ifst_allocated", "fh_allocated" }, IFST_OPEN, FH_OPEN, CLOSING)
action "request_social_care_advice" {
  line = 2062,  -- L2062: "If there is a Lead Professional from the One Point Service they will be e mailed by SEND Business Services and asked to submit their social care advice"
  title = "SEND request for Social Care Advice (EHC needs assessment)",
  from = LP_STATES, by = { "send_caseworker" },
  input = { request = text { required = true } },
  spawn = {
    workflow = "social_care_advice",
    data = function(case, input) return { family_name = case.data.family_name, request = input.request } end,
  },
  significant = "Social Care Advice requested",
}
action "notify_missing_episode" {
  line = 2542,  -- L2542: business support "to email allocated worker, senior key worker and operations manager re. missing episode"
  title = "Missing episode notified: Return to Home Interview",
  from = LP_STATES,
  by = { "key_worker", "ehp", "ewbw", "ifst_team_manager", "senior_key_worker", "fhtm", "operations_manager" },
  input = { young_person = member { role = "child", required = true } },
  spawn = {
    workflow = "return_home_interview",
    data = function(case, input) return { family_name = case.data.family_name, young_person = input.young_person } end,
  },
  significant = "Missing episode: RTHI due",
}
action "refer_to_full_circle" {
  line = 2484,  -- L2484: "Complete referral on Liquid Logic (form will automatically go to The Full Circle duty tray)."
  title = "Refer to Full Circle",
  from = concat(IFST_OPEN, FH_OPEN), by = { "assigned" },
  input = { need = text { required = true } },
  spawn = {
    workflow = "full_circle",
    data = function(case, input) return { family_name = case.data.family_name, need = input.need } end,
  },
  significant = "Referred to Full Circle",
}

-- Actions: 3.8 Closure -----------------------------------------------------------

action "propose_closure" {
  line = 1690,  -- L1690: worker "discusses possible closure with family and partners"
  title = "Propose closure",
  from = { "ifst_intervention", "fh_intervention", "fh_group_programme" }, by = { "assigned" },
  input = { reason = text { required = true } },
  to = "closure_proposed",
}
action "taf_agrees_closure" {
  line = 1692,  -- L1692: "discusses possible closure at the next TAF meeting and agrees a potential date if closure agreed"; L1694
  title = "TAF discusses closure and agrees a potential date",
  from = "closure_proposed", by = { "assigned" },
  input = {
    potential_closure_date = date { required = true },
    taf_discussed_with_family = boolean { required = true },
  },
  guards = {
    { line = 1673, reason = "the TAF must have discussed the possible closure with the family",
      check = function(case, input) return input.taf_discussed_with_family == true end },
  },
  set = { taf_closure_discussed = true },
}
action "confirm_closure_date" {
  line = 1700,  -- L1700: worker "discusses case closure with Team Manager/ Senior Key Worker ... and a closure date confirmed"
  title = "IFS manager confirms the closure date",
  from = "closure_proposed", by = IFST_MANAGERS,
  input = { closure_date = date { required = true } },
  requires = { "case_supervision_form" },   -- L1673: "must be recorded on the Case Supervision Form"; L1704
  guards = {
    { line = 1673, reason = "IFST closure is confirmed by the IFS Team Manager or SKW for an IFST family",
      check = function(case) return case.data.pathway == "ifst" end },
    { line = 1673, reason = "the TAF must have discussed the possible closure with the family",
      check = function(case) return case.data.taf_closure_discussed == true end },
  },
  to = "closure_pending_request",
}
action "agree_fh_closure" {
  line = 1678,  -- L1678: the FHTM ensures needs are met "before they agree to close the family"
  title = "FHTM agrees closure",
  from = "closure_proposed", by = { "fhtm" },
  input = { closure_date = date { required = true } },
  guards = {
    { line = 1678, reason = "the FHTM agrees closure for a Family Hub family",
      check = function(case) return case.data.pathway == "fh" end },
    { line = 1678, reason = "if there has been a TAF, it must have discussed the possible closure with the family",
      check = function(case) return case.data.taf_open ~= true or case.data.taf_closure_discussed == true end },
    -- L1680: "The decision to close must either be recorded on a case supervision form or ... a case note of management oversight"
    { line = 1680, reason = "the decision to close must be recorded on a Case Supervision Form or an MO case note",
      check = function(case) return has_record(case, "case_supervision_form") or has_record(case, "mo_case_note") end },
  },
  to = "closure_pending_request",
}
action "record_survey_sent" {
  line = 1702,  -- L1702: "Service User satisfaction survey to be sent ... OPS Practitioner to record case note to state sent."
  title = "Record that the Family Survey was sent",
  from = CLOSING, by = { "assigned" },
  creates = "family_survey_note",
}
action "request_closure" {
  line = 1706,  -- L1706: worker "requests case closure on LiquidLogic for manager sign off"
  title = "Request closure for manager sign-off",
  from = "closure_pending_request", by = { "assigned" },
  guards = {
    { line = 1680, reason = "a Family Hub Early Help Plan must be restarted and updated with the outcomes achieved",
      check = function(case) return case.data.pathway ~= "fh" or has_record(case, "closure_outcomes_plan") end },
  },
  to = "closure_pending_signoff",
}
action "authorise_closure_plan" {
  line = 1680,  -- L1680: "This will then be sent to the Family Hub Team Manager for authorisation."
  title = "FHTM authorises the closing Early Help Plan",
  from = { "closure_pending_request", "closure_pending_signoff" }, by = { "fhtm" },
  requires = { "closure_outcomes_plan" },
  set = { closure_plan_authorised = true },
}
action "reject_closure" {
  line = 1708,  -- [INF] the manager's checks (L1708-1710) fail: back to the worker
  title = "Manager returns the closure request",
  from = "closure_pending_signoff", by = OPS_MANAGERS,
  input = { reason = text { required = true } },
  to = "closure_pending_request",
}
action "sign_off_closure" {
  line = 1712,  -- L1712: "Team Manager Senior Key Worker/Family Hub Team Manager signs case off."
  title = "Manager signs the case off",
  from = "closure_pending_signoff", by = OPS_MANAGERS,
  -- L1673: "A family should not be closed until there is evidence of a Family Survey offered"
  -- L1708-1710: outcomes, recordings and documents checked (Case File Checklist, L1682)
  requires = { "family_survey_note", "closure_checklist" },
  guards = {
    { line = 1708, reason = "the outcomes section, case recordings and documents must all be checked",
      check = function(case)
        local c = latest(case, "closure_checklist")
        return c ~= nil and c.outcomes_section_checked == true and c.recordings_up_to_date == true
          and c.documents_uploaded == true
      end },
    { line = 1673, reason = "the IFST closure discussion must be recorded on the Case Supervision Form",
      check = function(case) return case.data.pathway ~= "ifst" or has_record(case, "case_supervision_form") end },
    { line = 1680, reason = "the FHTM must authorise the restarted Early Help Plan",
      check = function(case) return case.data.pathway ~= "fh" or case.data.closure_plan_authorised == true end },
  },
  cancel = concat(VISIT_CLOCKS, PLAN_CLOCKS, FH_CLOCKS, { "T41_open_six_months" }),
  to = "closure_signed_off",
  significant = "Case signed off",
}
action "send_closure_letter" {
  line = 1714,  -- L1714: "The standard closure letter is sent to the family. This is the responsibility of the KW/EHP/EWBW."
  title = "Send the standard closure letter",
  from = "closure_signed_off", by = { "assigned" },
  input = { sent_on = date { required = true } },
  to = "closed",
  significant = "Closed: closure letter sent",
}
