-- workflows/somerset/think_family.lua: a Think Family early help episode with
-- one family, as constrained by Somerset's "Think Family Strategy 2018 - 2019"
-- (shared/seeds/004_65d7fb9168a38b90.txt; spec shared/spec/somerset.md §3.3,
-- "Machine C"). L<n> is the `cat -n` line of the seed document.
--
-- READ FIRST: the document is a strategy, not a case procedure (spec §0). It
-- states PRINCIPLES and PRACTITIONER DUTIES, which this workflow encodes as
-- guards and required records:
--   [DOC] "no wrong door" / "open door ... at every point of entry"
--         (L53, L95): any practitioner role may open a case.
--   [DOC] consent to share information (L77, L219): sharing needs a consent
--         record; without consent, sharing happens only after a safeguarding
--         step-up (L80), and is recorded as such (spec §8.12).
--   [DOC] whole-family assessment (L76, L220, L281, L342): the Early Help
--         Assessment (L233) must cover every member of the family.
--   [DOC] routing by level of need (L236, L253): school-age child AND Level 2
--         -> delivered by the school's Parent and Family Support Advisor.
--   [DOC] step-up "when there is evidence that someone could be at risk"
--         (L80) under the South West Child Protection Procedures (L267) or the
--         Joint Adult Multi-Agency Safeguarding Policy (L265); step up / step
--         down per the "Step up, step down protocol" (L255) [ABSENT].
--   [DOC] a key contact or lead professional "where needed" (L67).
--   [DOC] eligibility flexibility when a Think Family approach is established
--         (L341, L369-L370): recorded so that it can be identified.
--   [DOC] monthly CMooE meetings (L243).
-- Everything else is [INF]: the states and their order (spec §3.3 says every
-- state is inferred), the level numbering (only "Level 2" is named, L236; the
-- levels are defined in the absent "Effective Support" guidance, L253), the
-- closure step (no closure criteria are given) and the handover note before
-- closing after a step-up (spec §8.11: "refer on" needs an explicit handover).
--
-- Timescales: the document states NO case-level time limit (spec §4). The only
-- case-relevant cadence is the monthly CMooE meeting (TM-S2, L243), encoded as
-- TM_S2_cmooe_monthly [INF: a listed child is considered at every monthly
-- meeting until returned to education]. No EHA, plan-review, step-up/down or
-- closure timescale is encoded: they live in absent documents (L253-L267) and
-- the spec forbids borrowing other authorities' values. Spec §4 TM-S1 and
-- TM-S5..TM-S11 belong to action_plan_item / strategy_governance; TM-S3, TM-S4
-- and TM-S12..TM-S15 are context dates, not obligations.
--
-- Capacity: none (spec §5); no guard reads engine facts except facts.today.
--
-- Not encoded (staff-level / forum-level, not case actions): Team Around the
-- School, MAISEY and Healthy Child meeting cadences (none stated, L237-L239),
-- the Early Help advice line and Safeguarding Leads helpline (L241-L242),
-- Professional Choices and EHM as systems (L244-L245), workforce training.
--
-- Spec ids: states and the C1..C11 transitions keep the spec's names where it
-- gives them (identify_need is the case `open`; consent_given, share_information,
-- eha_completed -> complete_eha, route_level2_school, route_multi_agency,
-- child_missing_education -> list_for_cmooe, safeguarding_concern,
-- needs_lessened, eligibility_flex_override -> apply_eligibility_flexibility).
-- The spec's `cmooe_listed` "parallel flag" is case data, not a state.

-- The practitioner roles of every agency (L213: "Practitioners from all
-- agencies"); any of them is a point of entry (L53, L95).
local PRACTITIONERS = { "practitioner", "lead_professional", "school_pfsa", "getset",
                        "public_health_nursing", "one_team" }

-- [INF] "school age" (L236) read as compulsory school age, 5 to 15 whole years
-- on the day (Education Act 1996 s.8, approximately); the document gives no ages.
local SCHOOL_AGE_MIN, SCHOOL_AGE_MAX = 5, 15
local function has_school_age_child(case, today)
  for _, m in ipairs(children(case)) do
    local age = m.dob and age_years(m.dob, today)
    if age and age >= SCHOOL_AGE_MIN and age <= SCHOOL_AGE_MAX then return true end
  end
  return false
end

local function latest(case, rtype)
  local list = case.records and case.records[rtype]
  if list and #list > 0 then return list[#list] end
  return nil
end

workflow "think_family" {
  title = "Think Family early help episode (whole family)",
  document = "004_65d7fb9168a38b90.txt",
  initial = "need_identified",
  -- L53, L95: "no wrong door", "An open door to joined up support at every point of entry"
  opened_by = PRACTITIONERS,
  data = {
    -- L57, L222: the identifying agency stays involved (no 'referring on')
    identifying_agency = text { required = true, label = "Agency that identified the need" },
    concern = text { required = true, label = "Additional need identified" },
    point_of_entry = enum { "school", "getset", "health", "one_team", "team_around_the_school",
                            "maisey", "healthy_child_meeting", "police", "adult_services",
                            "voluntary_sector", "other", label = "Point of entry (L95)" },
    -- L147-L161, spec §7: Troubled Families criteria as descriptive tags, never gates
    troubled_families_indicators = list { label = "Troubled Families criteria (tags only)" },
  },
  significant = "Additional need identified (no wrong door)",
}

-- States (spec §3.3) ---------------------------------------------------------

-- L53: "early Intervention and 'no wrong door'"
state "need_identified" { line = 53, title = "Need identified at any point of entry" }
-- L77: "practitioners seek parents' and children's permission for information sharing"
state "consent_pending" { line = 77, title = "Permission for information sharing sought" }
-- L233: "a single assessment for Somerset"; L281: assessing the needs of the whole family
state "eha_in_progress" { line = 233, title = "Early Help Assessment of the whole family" }
-- L253: levels of need per "Effective Support for Children and Families in Somerset" [ABSENT]
state "level_determination" { line = 253, title = "Level of need determined" }
-- L236: delivered by schools where the child is of school age and the family need Level 2
state "level2_school_support" { line = 236, title = "Level 2 support delivered by the school (PFSA)" }
-- L67, L229-L239: key contact or lead professional where needed; TAS, One Team, MAISEY, Healthy Child, getset
state "multi_agency_support" { line = 67, title = "Multi-agency support co-ordinated around the family" }
-- L281: "develop a clear plan for the family"
state "plan_active" { line = 281, title = "Family plan in place" }
-- L80: "be prepared to intervene when there is evidence that someone could be at risk"; L255, L267
state "stepped_up_statutory" { line = 80, title = "Stepped up under safeguarding procedures" }
-- L255: "supported as needs escalate or lessen" (Step up, step down protocol [ABSENT])
state "stepped_down" { line = 255, title = "Needs lessened: stepped down" }
-- [INF] the document gives no closure criteria; closure follows step-down or handover (L255, L222)
state "closed" { line = 255, terminal = true, title = "Episode closed" }

-- Records (spec §6) ----------------------------------------------------------

-- L77: parents' and children's permission; L219: "with the child, young person or adults consent"
record "information_sharing_consent" {
  line = 219,
  title = "Consent to share information",
  fields = {
    parents_consent = boolean { required = true, label = "Parents/adults gave permission (L77, L219)" },
    children_consent = boolean { label = "Child/young person gave permission (L77, L219)" },
    scope = text { label = "Within the information sharing protocols (L219)" },
  },
}
-- L233: single Early Help Assessment; L281/L342: the whole family, strengths and needs;
-- L234: hidden harm factors are identified from EHA data
record "early_help_assessment" {
  line = 233,
  title = "Early Help Assessment (EHA)",
  by = PRACTITIONERS,
  fields = {
    members_assessed = list { required = true, label = "Member ids assessed (whole family, L281)" },
    strengths = text { required = true, label = "Strengths of the whole family (L342)" },
    needs = text { required = true, label = "Needs of the whole family (L342)" },
    hidden_harm_factors = list { label = "Hidden harm factors: domestic abuse, substance misuse, mental health (L234)" },
  },
}
-- L281: "develop a clear plan for the family"; L221: all services working towards the same outcomes
record "family_plan" {
  line = 281,
  title = "Family plan",
  fields = {
    outcomes = text { required = true, label = "Shared outcomes all services work towards (L221)" },
    services = list { label = "Services involved" },
  },
}
-- L219: information shared with other services/agencies with consent
record "information_shared" {
  line = 219,
  title = "Information shared with consent",
  fields = {
    to_agency = text { required = true },
    purpose = text { required = true },
  },
}
-- L80 + spec §8.12 [INF]: sharing without consent, only after a safeguarding step-up
record "safeguarding_information_shared" {
  line = 80,
  title = "Information shared under safeguarding (without consent)",
  fields = {
    to_agency = text { required = true },
    purpose = text { required = true },
  },
}
-- L80, L265, L267: the safeguarding step-up and the procedure it follows
record "safeguarding_referral" {
  line = 267,
  title = "Safeguarding step-up",
  fields = {
    evidence = text { required = true, label = "Evidence that someone could be at risk (L80)" },
    procedure = enum { "south_west_child_protection_procedures",
                       "joint_adult_multi_agency_safeguarding_policy", required = true,
                       label = "Procedure followed (L265, L267)" },
  },
}
-- L222 + spec §8.11 [INF]: referring on needs an explicit handover so the family is not lost sight of
record "handover_note" {
  line = 222,
  title = "Handover to another service",
  by = PRACTITIONERS,
  fields = {
    receiving_service = text { required = true },
    summary = text { required = true },
  },
}
-- L370 + spec §6 [INF]: flexibility recorded so "staff can identify when there has been flexibility"
record "eligibility_flexibility" {
  line = 370,
  title = "Flexibility within eligibility criteria",
  fields = {
    partner_service = text { required = true },
    justification = text { required = true },
  },
}
-- [INF] no closure criteria are given (spec §0); a closure summary records why (L255)
record "closure_summary" {
  line = 255,
  title = "Closure summary",
  by = PRACTITIONERS,
  fields = {
    outcome = enum { "needs_met", "stepped_down", "handed_over_to_statutory", "other", required = true },
    summary = text { required = true },
  },
}

-- Timescales (spec §4) -------------------------------------------------------

-- L243: "Monthly Children Missing 'out on' Education (CMooE) meetings ... ensure
-- children are returned to education swiftly". [INF] a listed child is
-- considered at the meeting within a month of listing and then monthly until
-- removed from the list (spec §3.3 `cmooe_listed`).
timescale "TM_S2_cmooe_monthly" {
  line = 243,
  what = "Child missing education considered at the monthly CMooE meeting",
  every = months(1),
  from = "list_for_cmooe",
  satisfied_by = "cmooe_review",
  cancelled_by = "remove_from_cmooe",
  note = "TM-S2; the document gives the meeting cadence ('Monthly'), the per-case clock is [INF]",
}

-- Actions (spec §3.3 C1..C11) --------------------------------------------------

-- C2, L77: practitioners seek parents' and children's permission for information sharing
action "request_consent" {
  line = 77,
  title = "Seek permission for information sharing",
  from = "need_identified",
  by = PRACTITIONERS,
  to = "consent_pending",
}

-- C3, L77, L219: consent given and recorded
action "consent_given" {
  line = 219,
  title = "Record consent to share information",
  from = "consent_pending",
  by = PRACTITIONERS,
  creates = "information_sharing_consent",
  guards = {
    -- L219: sharing is "with the child, young person or adults consent"
    { line = 219, reason = "no one gave permission for information sharing (L219)",
      check = function(case, input)
        return input.parents_consent == true or input.children_consent == true
      end },
  },
  to = "eha_in_progress",
  significant = "Consent to share information recorded",
}

-- [INF] the family declines: the Think Family episode ends; the identifying
-- agency keeps working with the family itself (L222). Safeguarding (L80) is
-- still available before this point.
action "consent_declined" {
  line = 77,
  title = "Family declines information sharing",
  from = "consent_pending",
  by = PRACTITIONERS,
  input = { reason = text { required = true } },
  effect = function(case, input) case.data.consent_declined = input.reason end,
  to = "closed",
  significant = "Consent declined",
}

-- C4, L219: "share relevant information with other services/agencies with the
-- child, young person or adults consent"
action "share_information" {
  line = 219,
  title = "Share information with another agency (with consent)",
  from = { "consent_pending", "eha_in_progress", "level_determination", "level2_school_support",
           "multi_agency_support", "plan_active", "stepped_down" },
  by = PRACTITIONERS,
  creates = "information_shared",
  requires = "information_sharing_consent",
}

-- C5, L281, L342, L65: the EHA assesses the whole family; the story is told once
action "complete_eha" {
  line = 281,
  title = "Complete the Early Help Assessment",
  from = "eha_in_progress",
  by = PRACTITIONERS,
  guards = {
    -- L281: "Early Help Assessments are utilised when assessing the needs of the whole family"
    { line = 281, reason = "the Early Help Assessment does not cover every family member (L281)",
      check = function(case)
        local eha = latest(case, "early_help_assessment")
        if not eha then return true end          -- the missing record is refused below
        local seen = {}
        for _, id in ipairs(eha.members_assessed or {}) do seen[id] = true end
        for _, m in ipairs(case.members or {}) do
          if not seen[m.id] then return false end
        end
        return true
      end },
  },
  requires = { "information_sharing_consent", "early_help_assessment" },
  to = "level_determination",
  significant = "Early Help Assessment completed",
}

-- L253: the level of need per "Effective Support for Children and Families in
-- Somerset" [ABSENT]; [INF] a whole-number level, only Level 2 is named (L236)
action "record_level_of_need" {
  line = 253,
  title = "Record the level of need",
  from = "level_determination",
  by = PRACTITIONERS,
  input = {
    level = integer { required = true, min = 1, label = "Level of need (Effective Support guidance)" },
    rationale = text { required = true },
  },
  effect = function(case, input) case.data.level = input.level end,
}

-- C6, L236: "delivered by schools (Parent and Family Support Advisors, or
-- equivalent), where the child is of school age and the family are in need of
-- Level 2 support"
action "route_level2_school" {
  line = 236,
  title = "Route to school-based Level 2 early help (PFSA)",
  from = "level_determination",
  by = PRACTITIONERS,
  input = { school_pfsa = user { required = true, role = "school_pfsa" } },
  guards = {
    { line = 236, reason = "the family is not assessed as needing Level 2 support (L236)",
      check = function(case) return case.data.level == 2 end },
    { line = 236, reason = "no child of the family is of school age (L236)",
      check = function(case, input, facts) return has_school_age_child(case, facts.today) end },
  },
  requires = "early_help_assessment",
  assign = "school_pfsa",            -- [INF] the PFSA is the family's lead professional
  to = "level2_school_support",
  significant = "Level 2: support delivered by the school",
}

-- C7, L231-L239, L253: multi-agency support through the named forums and services
action "route_multi_agency" {
  line = 253,
  title = "Route to multi-agency support",
  from = "level_determination",
  by = PRACTITIONERS,
  input = {
    forum = enum { "team_around_the_school", "one_team", "maisey", "healthy_child_meeting",
                   "getset", "other", required = true, label = "Forum or service (L229-L239)" },
  },
  guards = {
    { line = 253, reason = "the level of need has not been recorded (L253)",
      check = function(case) return case.data.level ~= nil end },
    -- L236 [INF: the school-age Level 2 route is exclusive, spec §8.2]
    { line = 236, reason = "Level 2 with a school-age child is delivered by the school (L236)",
      check = function(case, input, facts)
        return not (case.data.level == 2 and has_school_age_child(case, facts.today))
      end },
  },
  requires = "early_help_assessment",
  effect = function(case, input) case.data.forum = input.forum end,
  to = "multi_agency_support",
  significant = "Multi-agency support",
}

-- L67: "where needed, families have a key contact or lead professional who
-- co-ordinates their support"
action "appoint_lead_professional" {
  line = 67,
  title = "Appoint a key contact or lead professional",
  from = { "level2_school_support", "multi_agency_support", "plan_active" },
  by = PRACTITIONERS,
  input = { lead_professional = user { required = true, role = "lead_professional" } },
  assign = "lead_professional",
  significant = "Lead professional appointed",
}

-- L281: "develop a clear plan for the family"; L221: same outcomes for all services
action "agree_family_plan" {
  line = 281,
  title = "Agree the family plan",
  from = { "level2_school_support", "multi_agency_support" },
  by = PRACTITIONERS,
  creates = "family_plan",
  requires = "early_help_assessment",
  to = "plan_active",
  significant = "Family plan agreed",
}

-- L218, L222 + spec §8.11 [INF]: a referral to another service does not end
-- the practitioner's involvement; it is recorded and the case stays open
action "refer_to_service" {
  line = 222,
  title = "Refer to another service (without losing sight of the family)",
  from = { "level2_school_support", "multi_agency_support", "plan_active" },
  by = PRACTITIONERS,
  input = { service = text { required = true } },
  requires = "information_sharing_consent",     -- a referral shares information (L219)
  effect = function(case, input)
    case.data.referred_to = input.service
  end,
}

-- C11, L341, L369-L370: flexibility within eligibility criteria "when a Think
-- Family approach is established"; recorded so it can be identified
action "apply_eligibility_flexibility" {
  line = 341,
  title = "Apply flexibility within a partner's eligibility criteria",
  from = { "plan_active" },
  by = { "partner_agency", "practitioner", "lead_professional" },
  creates = "eligibility_flexibility",
  guards = {
    -- [INF] "a Think Family approach is established" read as: a family plan exists
    { line = 341, reason = "a Think Family approach is not yet established: no family plan (L341)",
      check = function(case) return has_record(case, "family_plan") end },
  },
  set = { flexibility_applied = true },          -- L370
  significant = "Eligibility flexibility applied",
}

-- C8, L243: a child missing education is listed for the monthly CMooE meeting
action "list_for_cmooe" {
  line = 243,
  title = "List a child missing education for the CMooE meeting",
  from = { "need_identified", "consent_pending", "eha_in_progress", "level_determination",
           "level2_school_support", "multi_agency_support", "plan_active", "stepped_up_statutory",
           "stepped_down" },
  by = { "practitioner", "lead_professional", "school_pfsa" },
  input = { child = member { required = true, role = "child" } },
  guards = {
    { line = 243, reason = "a child of this family is already listed for CMooE (L243)",
      check = function(case) return case.data.cmooe_listed ~= true end },
  },
  effect = function(case, input)
    case.data.cmooe_listed = true
    case.data.cmooe_child = input.child
  end,
  significant = "Listed for CMooE",
}

-- L243: the meeting considers the child: return to education, part time
-- timetable, Elective Home Education
action "cmooe_review" {
  line = 243,
  title = "CMooE meeting considers the child",
  from = { "need_identified", "consent_pending", "eha_in_progress", "level_determination",
           "level2_school_support", "multi_agency_support", "plan_active", "stepped_up_statutory",
           "stepped_down" },
  by = "cmooe_meeting",
  input = {
    outcome = enum { "returning_to_education", "part_time_timetable", "elective_home_education",
                     "remain_listed", required = true },
  },
  guards = {
    { line = 243, reason = "no child of this family is listed for CMooE (L243)",
      check = function(case) return case.data.cmooe_listed == true end },
  },
  effect = function(case, input) case.data.cmooe_outcome = input.outcome end,
}

-- L243: "children are returned to education swiftly": off the list, clock cancelled
action "remove_from_cmooe" {
  line = 243,
  title = "Child returned to education: remove from the CMooE list",
  from = { "need_identified", "consent_pending", "eha_in_progress", "level_determination",
           "level2_school_support", "multi_agency_support", "plan_active", "stepped_up_statutory",
           "stepped_down" },
  by = { "cmooe_meeting", "practitioner", "lead_professional", "school_pfsa" },
  guards = {
    { line = 243, reason = "no child of this family is listed for CMooE (L243)",
      check = function(case) return case.data.cmooe_listed == true end },
  },
  set = { cmooe_listed = false },
}

-- C9, L80, L255, L267: step up "when there is evidence that someone could be
-- at risk", under the South West Child Protection Procedures (children) or the
-- Joint Adult Multi-Agency Safeguarding Policy (adults)
action "safeguarding_concern" {
  line = 80,
  title = "Step up under safeguarding procedures",
  from = { "need_identified", "consent_pending", "eha_in_progress", "level_determination",
           "level2_school_support", "multi_agency_support", "plan_active", "stepped_down" },
  by = PRACTITIONERS,
  creates = "safeguarding_referral",
  effect = function(case, input)
    case.data.stepped_up = true
    case.data.stepped_up_from = case.state
  end,
  to = "stepped_up_statutory",
  significant = "Stepped up: safeguarding",
}

-- L80 + spec §8.12 [INF]: without consent, information is shared only once
-- stepped up under safeguarding, and the record says so
action "share_information_safeguarding" {
  line = 80,
  title = "Share information under safeguarding (without consent)",
  from = "stepped_up_statutory",
  by = PRACTITIONERS,
  creates = "safeguarding_information_shared",
  requires = "safeguarding_referral",
  set = { shared_without_consent = true },
}

-- L255: step down "as needs ... lessen" from statutory work back to early help
-- [INF]: the episode resumes at the first early help stage not yet done
action "step_down_to_early_help" {
  line = 255,
  title = "Step down from statutory services to early help",
  from = "stepped_up_statutory",
  by = PRACTITIONERS,
  input = { rationale = text { required = true } },
  to = function(case)
    if not has_record(case, "information_sharing_consent") then return "consent_pending" end
    if not has_record(case, "early_help_assessment") then return "eha_in_progress" end
    return "level_determination"
  end,
  targets = { "consent_pending", "eha_in_progress", "level_determination" },
  effect = function(case, input) case.data.stepped_down_from_statutory = true end,
  significant = "Stepped down to early help",
}

-- C10, L255: needs lessen: step down
action "needs_lessened" {
  line = 255,
  title = "Needs lessened: step down",
  from = "plan_active",
  by = { "assigned", "lead_professional", "school_pfsa" },
  input = { rationale = text { required = true } },
  to = "stepped_down",
  significant = "Stepped down",
}

-- [INF] closure (no criteria in the document). After a step-up the early help
-- episode closes only with an explicit handover (L222, spec §8.11).
action "close_case" {
  line = 255,
  title = "Close the episode",
  from = { "stepped_down", "stepped_up_statutory" },
  by = { "assigned", "lead_professional", "school_pfsa", "practitioner" },
  guards = {
    { line = 222, reason = "a stepped-up family needs a handover note before early help closes (L222)",
      check = function(case)
        return case.state ~= "stepped_up_statutory" or has_record(case, "handover_note")
      end },
  },
  requires = "closure_summary",
  to = "closed",
  significant = "Episode closed",
}
