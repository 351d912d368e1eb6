-- workflows/bristol/parenting.lua: Bristol Families in Focus parenting service.
--
-- Source: shared/seeds/000_f11e1e0f13a59c3f.txt L225-L272; spec
-- shared/spec/bristol.md §3.6, §4 (TM-B9, TM-B10, TM-B11), §5.2, §8.8-§8.11.
-- A linked case: spawned from a FiF episode by lm_parenting_1to1 (L51, via
-- the Locality Meeting) or refer_to_parenting (L227, a lead professional), or
-- opened directly for a parent who self-refers through the parenting menu
-- (L227; the practitioner opens it on the parent's behalf [INF]).
--
-- Timescales (spec §4), named with the spec's id:
--   TM_B9_iy_6_months            L253  IY intervention "over 6 months" (spec §8.8: at most
--                                      6 months; alert only). Its "up to 16 sessions" is the
--                                      session guard on parenting_session.
--   TM_B10_group_16_weeks        L257  group programmes: "Average intervention time = 16
--                                      weeks" from the start of the assessment. An average:
--                                      a reporting baseline, not a limit (a breach is data).
--                                      Cancelled when another tier is chosen.
--   TM_B2_case_note_7_days       L186  case notes, per child (L188), as in the FiF episode
--   TM_B3_significant_event_24h  L186
-- Not timers: TM-B11 "up to three 1:1 sessions" (L229) is a count: the guard on
-- assessment_session (limits.parenting_assessment_sessions). The group "up to
-- 16 sessions" (L257) and IY "up to 16 sessions" (L253) are guards too.
--
-- Tier criteria (spec §3.6, §8.9-§8.11) are guards over the latest
-- parenting_assessment record and the children's ages on the day of the offer:
--   1:1 EBPP  L235-L246: a child aged 3 or above, AND not able to attend a
--             course, AND challenging behaviour (SDQ 18 or above is the
--             document's example, or described by the parent), AND one of the
--             nine priority groups (spec §8.11).
--   IY        L249-L252: a child aged 3-10, AND (SDQ 18 or over, OR parent-
--             described challenging behaviour supported by a school assessment
--             or PMHS), AND not previously completed at least 80% of an IY
--             course (spec §8.9: a prior IY completion does not block 1:1 EBPP).
--   Group     L255: Timid to Tiger for anxious children aged 3-10; PPAP and NVR
--             for parents of teenagers ([INF] a child aged 13-19).
--   Nurturing L260: children aged 2-10 and the parent does NOT meet the 1:1
--             EBPP or IY criteria (universal, usually via Children's Centres).
-- Deviations [INF]: parenting_not_offered is a terminal state the spec lists
-- without a transition; the tier choice is one action per tier (each with its
-- own criteria and clock) rather than one event with a parameter.
-- Not encoded (staff-level): EBPP practice observation "every practitioner ...
-- per year" (L269); train-the-trainer and small grants (L264-L266);
-- consultancy by appointment (L272: "helpful", not required).

workflow "parenting" {
  title = "Parenting service",
  document = "000_f11e1e0f13a59c3f.txt",
  initial = "parenting_referred",
  -- L227: "directly from lead professionals, via the Locality Meetings, or from parents ... via the parenting menu"
  opened_by = { "locality_meeting", "fsw", "keyworker", "parenting_practitioner" },
  data = {
    referral_source = enum { "lead_professional", "locality_meeting", "parent_self_referral",
                             required = true, label = "Referral route" },             -- L227
  },
  significant = "Parenting referral received",
}

-- Helpers (pure) -------------------------------------------------------------

local function latest(case, rtype)
  local list = case.records and case.records[rtype]
  if not list or #list == 0 then return nil end
  local r = list[#list]
  return r.fields or r
end

-- Is any child of the family aged lo..hi (hi = nil: no upper bound) on `today`?
local function has_child_aged(case, today, lo, hi)
  for _, m in ipairs(children(case)) do
    if m.dob then
      local a = age_years(m.dob, today)
      if a and a >= lo and (hi == nil or a <= hi) then return true end
    end
  end
  return false
end

-- The latest parenting assessment. Guards that read it pass when there is none,
-- so that the action's `requires` reports the missing record instead.
local function assessment(case) return latest(case, "parenting_assessment") end

-- L236: "children with challenging behaviour (e.g. SDQ score of 18 and above)"
local function ebpp_challenging(a)
  return (a.sdq_score or 0) >= 18 or a.challenging_behaviour_described == true
end
-- L250-L251: SDQ 18 or over, and/or parent-described and supported by school or PMHS
local function iy_behaviour(a)
  return (a.sdq_score or 0) >= 18
    or (a.challenging_behaviour_described == true and a.supported_by_school_or_pmhs == true)
end
local function meets_ebpp(case, today)
  local a = assessment(case) or {}
  return has_child_aged(case, today, 3, nil) and a.able_to_attend_course == false
    and ebpp_challenging(a) and a.priority_group ~= nil and a.priority_group ~= "none"
end
local function meets_iy(case, today)
  local a = assessment(case) or {}
  return has_child_aged(case, today, 3, 10) and iy_behaviour(a) and a.previous_iy_80pct ~= true
end

-- States ---------------------------------------------------------------------

state "parenting_referred" { line = 227, title = "Referred to the parenting service" }
state "parenting_assessment" { line = 229, title = "Parenting assessment (up to three 1:1 home sessions)" }
state "ebpp_1to1" { line = 234, title = "1:1 evidence based parenting programme" }
state "iy_course" { line = 248, title = "CYP-IAPT Incredible Years" }
state "group_programme" { line = 255, title = "Group programme (PPAP, NVR, Timid to Tiger)" }
state "nurturing_programme" { line = 259, title = "Nurturing Programme (universal)" }
state "parenting_not_offered" { line = 229, terminal = true, title = "No parenting programme offered [INF]" }
state "parenting_complete" { line = 253, terminal = true, title = "Parenting intervention complete" }

-- Records --------------------------------------------------------------------

-- L229: "observation of parent/child interactions, asking about parents' previous
-- experience of courses, finding out about blocks to using positive parenting
-- skills and to find out about parenting goals"
record "parenting_assessment" {
  line = 229,
  by = { "assigned", "parenting_practitioner" },
  fields = {
    observation = text { required = true },
    previous_courses = text { required = true },
    blocks = text { required = true },
    goals = text { required = true },
    sdq_score = integer { min = 0, max = 40 },                                 -- L236, L250
    challenging_behaviour_described = boolean {},                              -- L236, L251
    supported_by_school_or_pmhs = boolean {},                                  -- L251
    able_to_attend_course = boolean { required = true },                       -- L235
    priority_group = enum { "disabled_parent", "mental_health", "father", "complex_issues",
                            "eal", "cpv", "shift_worker", "kinship_carer", "care_leaver",
                            "none" },                                          -- L238-L246
    previous_iy_80pct = boolean {},                                            -- L252
  },
}
record "case_note" {
  line = 186,
  by = { "assigned", "parenting_practitioner" },
  fields = {
    member = member { label = "Child the note is recorded against (blank: every child)" }, -- L188
    adult = member {},
    reason_for_contact = text { required = true, max_length = 200 },
    detailed_notes = text { required = true },
    purpose = text { required = true },
    seen_and_spoken_to = text { required = true },
  },
}
record "chronology_entry" {
  line = 177,
  fields = { event = text { required = true }, occurred_on = date { required = true } },
}

-- Timescales -----------------------------------------------------------------

-- L253: "The maximum intervention time will be over 6 months and up to 16 sessions."
timescale "TM_B9_iy_6_months" {
  line = 253,
  what = "Incredible Years intervention (with home implementation support) within 6 months",
  within = months(6),
  from = "offer_iy",
  satisfied_by = "complete_programme",
  note = "spec §8.8: 'over 6 months' read as at most 6 months; the 16-session limit is a guard",
}
-- L257: "Average intervention time = 16 weeks (assessment and group delivery amounting to up to 16 sessions)"
timescale "TM_B10_group_16_weeks" {
  line = 257,
  what = "Group programme: assessment and group delivery (average 16 weeks)",
  within = weeks(16),
  from = "start_parenting_assessment",
  satisfied_by = "complete_programme",
  cancelled_by = { "offer_ebpp_1to1", "offer_iy", "offer_nurturing" },
  note = "an average, not a limit (spec TM-B10): a reporting baseline; cancelled if another tier is chosen",
}
-- L186: "Case notes should be completed within 7 days"
timescale "TM_B2_case_note_7_days" {
  line = 186,
  what = "Case note completed for each child within 7 days of the contact",
  within = days(7), per = "child",
  from = "log_contact", satisfied_by = "record:case_note",
}
-- L186: "unless there is a significant event, when the case record should be completed within 24 hours"
timescale "TM_B3_significant_event_24h" {
  line = 186,
  what = "Case record completed within 24 hours of a significant event",
  within = hours(24),
  from = "log_significant_event", satisfied_by = "record:case_note",
}

-- Actions --------------------------------------------------------------------

local PROGRAMMES = { "ebpp_1to1", "iy_course", "group_programme", "nurturing_programme" }
local WORKING = { "parenting_assessment", "ebpp_1to1", "iy_course", "group_programme", "nurturing_programme" }

action "start_parenting_assessment" {
  line = 229, title = "Start the parenting assessment",
  -- L229: "Families will be offered up to three 1:1 sessions in the home to complete an assessment."
  from = "parenting_referred", by = "parenting_practitioner",
  input = { practitioner = user { required = true, role = "parenting_practitioner" } },
  assign = "practitioner",
  to = "parenting_assessment",
  set = { assessment_sessions = 0 },
  significant = "Parenting assessment started",
}
action "assessment_session" {
  line = 229, title = "1:1 assessment session in the home",
  from = "parenting_assessment", by = "assigned",
  input = { held_on = date { required = true } },
  guards = {
    { line = 229, reason = "up to three 1:1 assessment sessions are offered",
      -- L229: "up to three 1:1 sessions in the home" (spec TM-B11: a count)
      check = function(case, input, facts)
        return (case.data.assessment_sessions or 0) < facts.limits.parenting_assessment_sessions
      end },
  },
  effect = function(case) case.data.assessment_sessions = (case.data.assessment_sessions or 0) + 1 end,
}
action "offer_ebpp_1to1" {
  line = 234, title = "Offer a 1:1 evidence based parenting programme",
  from = "parenting_assessment", by = "assigned",
  input = { programme = enum { "ppap", "nvr", "incredible_years", "timid_to_tiger", "other_ebpp", required = true } },
  requires = "parenting_assessment",
  guards = {
    { line = 235, reason = "1:1 EBPP is for parents with at least one child aged 3 or above",
      check = function(case, input, facts) return has_child_aged(case, facts.today, 3, nil) end },
    { line = 235, reason = "1:1 EBPP is for parents who are not able to attend a parenting course",
      check = function(case) local a = assessment(case); return a == nil or a.able_to_attend_course == false end },
    { line = 236, reason = "1:1 EBPP is for parents of children with challenging behaviour (e.g. SDQ 18 and above)",
      check = function(case) local a = assessment(case); return a == nil or ebpp_challenging(a) end },
    { line = 236, reason = "1:1 EBPP is for parents in a priority group",
      -- L236-L246: the nine priority groups
      check = function(case)
        local a = assessment(case)
        return a == nil or (a.priority_group ~= nil and a.priority_group ~= "none")
      end },
  },
  to = "ebpp_1to1",
  set = { programme_sessions = 0 },
  effect = function(case, input) case.data.programme = input.programme end,
  significant = "1:1 EBPP offered",
}
action "offer_iy" {
  line = 248, title = "Offer a CYP-IAPT Incredible Years course",
  from = "parenting_assessment", by = "assigned",
  requires = "parenting_assessment",
  guards = {
    { line = 249, reason = "Incredible Years is for parents of children aged 3-10",
      check = function(case, input, facts) return has_child_aged(case, facts.today, 3, 10) end },
    { line = 250, reason = "needs an SDQ of 18 or over, or parent-described challenging behaviour supported by a school assessment or PMHS",
      -- L250-L251 (spec §8.9: "And/or" read as OR)
      check = function(case) local a = assessment(case); return a == nil or iy_behaviour(a) end },
    { line = 252, reason = "the parent has completed at least 80% of an IY course previously",
      check = function(case) local a = assessment(case); return a == nil or a.previous_iy_80pct ~= true end },
  },
  to = "iy_course",
  set = { programme = "incredible_years", programme_sessions = 0 },
  significant = "Incredible Years offered",
}
action "offer_group_programme" {
  line = 255, title = "Offer a group programme",
  -- L255: "targeted support for parents of teenagers; Parents Plus Adolescents Programme, Non
  -- Violent Resistance and for parents of anxious children aged 3 - 10: Timid to Tiger"
  from = "parenting_assessment", by = "assigned",
  input = { programme = enum { "ppap", "nvr", "timid_to_tiger", required = true } },
  requires = "parenting_assessment",
  guards = {
    { line = 255, reason = "Timid to Tiger is for parents of anxious children aged 3-10",
      check = function(case, input, facts)
        return input.programme ~= "timid_to_tiger" or has_child_aged(case, facts.today, 3, 10)
      end },
    { line = 255, reason = "PPAP and NVR are for parents of teenagers [INF: a child aged 13-19]",
      check = function(case, input, facts)
        return input.programme == "timid_to_tiger" or has_child_aged(case, facts.today, 13, 19)
      end },
  },
  to = "group_programme",
  set = { programme_sessions = 0 },
  effect = function(case, input) case.data.programme = input.programme end,
  significant = "Group programme offered",
}
action "offer_nurturing" {
  line = 260, title = "Offer the Nurturing Programme",
  -- L260: "for parents who do not meet the criteria for a 1:1 EBPP or CYP-IAPT IY Programme
  -- who have children aged 2 -10"
  from = "parenting_assessment", by = "assigned",
  requires = "parenting_assessment",
  guards = {
    { line = 260, reason = "the Nurturing Programme is for parents of children aged 2-10",
      check = function(case, input, facts) return has_child_aged(case, facts.today, 2, 10) end },
    { line = 260, reason = "the parent meets the 1:1 EBPP or IY criteria: offer that instead",
      check = function(case, input, facts)
        return assessment(case) == nil or (not meets_ebpp(case, facts.today) and not meets_iy(case, facts.today))
      end },
  },
  to = "nurturing_programme",
  set = { programme = "nurturing" },
  significant = "Nurturing Programme offered",
}
action "parenting_not_offered" {
  line = 229, title = "No parenting programme offered [INF]",
  from = { "parenting_referred", "parenting_assessment" }, by = { "assigned", "parenting_practitioner" },
  input = { reason = text { required = true } },
  to = "parenting_not_offered",
  effect = function(case, input) case.data.not_offered_reason = input.reason end,
}
action "parenting_session" {
  line = 253, title = "Programme session delivered",
  from = { "ebpp_1to1", "iy_course", "group_programme" }, by = "assigned",
  input = { held_on = date { required = true } },
  guards = {
    { line = 253, reason = "Incredible Years: up to 16 sessions",
      -- L253: "up to 16 sessions"
      check = function(case, input, facts)
        return case.state ~= "iy_course" or (case.data.programme_sessions or 0) < facts.limits.iy_sessions
      end },
    { line = 257, reason = "group programmes: up to 16 sessions including the assessment",
      -- L257: "assessment and group delivery amounting to up to 16 sessions"
      check = function(case, input, facts)
        return case.state ~= "group_programme"
          or (case.data.assessment_sessions or 0) + (case.data.programme_sessions or 0) < facts.limits.group_sessions
      end },
  },
  effect = function(case) case.data.programme_sessions = (case.data.programme_sessions or 0) + 1 end,
}
action "complete_programme" {
  line = 253, title = "Parenting intervention complete",
  from = PROGRAMMES, by = "assigned",
  input = { rom_outcome = text { required = true } },   -- L204: ROMs benchmark against goals
  to = "parenting_complete",
  effect = function(case, input) case.data.rom_outcome = input.rom_outcome end,
  significant = "Parenting intervention complete",
}
action "log_contact" {
  line = 186, title = "Contact, visit or session held (case note due in 7 days)",
  from = WORKING, by = { "assigned", "parenting_practitioner" },
  input = { contact = enum { "home_visit", "session", "group", "phone", "other", required = true } },
}
action "log_significant_event" {
  line = 186, title = "Significant event (case record due in 24 hours)",
  -- L177: "All significant events should be added to the chronology"
  from = WORKING, by = { "assigned", "parenting_practitioner" },
  input = { event = text { required = true }, occurred_on = date { required = true } },
  creates = "chronology_entry",
  significant = "Significant event",
}
