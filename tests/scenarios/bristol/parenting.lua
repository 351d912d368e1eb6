-- tests/scenarios/bristol/parenting.lua: the parenting service (L225-L260):
-- up to three assessment sessions (L229), the tier criteria (1:1 EBPP
-- L234-L246, Incredible Years L248-L252, group programmes L255, Nurturing
-- L259-L260), session limits (L253, L257), TM-B9 (IY over at most 6 months,
-- L253), TM-B10 (group programmes, average 16 weeks, L257) and the case-note
-- clocks TM-B2/TM-B3 (L186) on parenting cases.
-- Due dates by hand (DESIGN §3): days/weeks/months due 23:59:59 London time on
-- the last day (GMT "T23:59:59Z", BST "T22:59:59Z"); hours exact.
-- Ages are taken on the day of the offer (facts.today).
scenario "Bristol: parenting tiers and timescales" {
  authority = "bristol",
  start = "2026-03-02T09:00:00Z",
  users = {
    pp = { "parenting_practitioner", team = "south" },
    pp2 = { "parenting_practitioner", team = "south" },
    fsw = { "fsw", team = "south" },
  },
}

local function parenting(child_dob)
  return open_case { workflow = "parenting", as = "pp", data = { referral_source = "parent_self_referral" },
    members = {
      { id = "kid", name = "Kid", role = "child", dob = child_dob },
      { id = "mum", name = "Mum", role = "parent", dob = "1988-03-03" },
    } }
end
local function assessment(extra)
  local f = { observation = "Warm but inconsistent", previous_courses = "None", blocks = "Tiredness",
              goals = "Calmer bedtimes", able_to_attend_course = true }
  for k, v in pairs(extra) do f[k] = v end
  return f
end
local function start(c, who)
  act(c, "start_parenting_assessment", { as = who or "pp", input = { practitioner = user_id(who or "pp") } })
end

local p1 = parenting("2021-01-10")   -- 5 on 16 March 2026
local p2 = parenting("2021-01-10")
local p3 = parenting("2019-02-02")   -- 7
local p4 = parenting("2011-06-01")   -- 14
local p5 = parenting("2011-06-01")
local p6 = parenting("2023-09-01")   -- 2
local p7 = parenting("2019-02-02")   -- 7
expect_state(p1, "parenting_referred", "L227: parents may self-refer via the parenting menu")

at "2026-03-02T10:00:00Z"
refuse(p1, "start_parenting_assessment", { as = "fsw", input = { practitioner = user_id "pp" } }, "wrong_role",
  "L229: parenting practitioners complete the assessment")
for _, c in ipairs({ p1, p2, p3, p4, p5, p6, p7 }) do start(c) end
expect_state(p1, "parenting_assessment", "L229: assessment in the home")
-- 2 March + 16 weeks (112 days) = 22 June, British Summer Time
expect_timescale(p4, "TM_B10_group_16_weeks", { status = "pending", due = "2026-06-22T22:59:59Z" },
  "L257: average intervention time 16 weeks from the assessment")

-- L229: up to three 1:1 assessment sessions (spec TM-B11: a count)
act(p1, "assessment_session", { as = "pp", input = { held_on = "2026-03-02" } })
act(p1, "assessment_session", { as = "pp", input = { held_on = "2026-03-05" } })
act(p1, "assessment_session", { as = "pp", input = { held_on = "2026-03-09" } })
refuse(p1, "assessment_session", { as = "pp", input = { held_on = "2026-03-12" } }, "guard_failed",
  "L229: up to three 1:1 sessions in the home to complete an assessment")
refuse(p1, "assessment_session", { as = "pp2", input = { held_on = "2026-03-12" } }, "wrong_role",
  "L229: the allocated practitioner holds the sessions")
refuse(p1, "assessment_session", { as = "pp", input = { held_on = "12/03/2026" } }, "invalid_input",
  "L229: the session date is a date")
act(p4, "assessment_session", { as = "pp", input = { held_on = "2026-03-02" } })
act(p4, "assessment_session", { as = "pp", input = { held_on = "2026-03-06" } })

-- Case notes on parenting work (L186)
at "2026-03-03T10:00:00Z"
act(p1, "log_contact", { as = "pp", input = { contact = "home_visit" } })
act(p2, "log_contact", { as = "pp", input = { contact = "home_visit" } })
expect_timescale(p2, "TM_B2_case_note_7_days", { member = "kid", status = "pending", due = "2026-03-10" },
  "L186: case note within 7 days")
at "2026-03-04T11:00:00Z"
act(p1, "log_significant_event", { as = "pp", input = { event = "Disclosure", occurred_on = "2026-03-04" } })
act(p2, "log_significant_event", { as = "pp", input = { event = "Disclosure", occurred_on = "2026-03-04" } })
expect_timescale(p2, "TM_B3_significant_event_24h", { status = "pending", due = "2026-03-05T11:00:00Z" },
  "L186: case record within 24 hours")
at "2026-03-05T10:00:00Z"
add_record(p1, "case_note", { as = "pp", fields = {
  reason_for_contact = "Assessment session", detailed_notes = "Observed play", purpose = "Assessment",
  seen_and_spoken_to = "Mum, Kid" } })
expect_timescale(p1, "TM_B2_case_note_7_days", { member = "kid", status = "met" }, "L186: note within 7 days")
expect_timescale(p1, "TM_B3_significant_event_24h", { status = "met" }, "L186: record within 24 hours")
at "2026-03-05T12:00:00Z"
expect_timescale(p2, "TM_B3_significant_event_24h", { status = "breached", due = "2026-03-05T11:00:00Z" },
  "L186: not recorded within 24 hours")
at "2026-03-11T09:00:00Z"
expect_timescale(p2, "TM_B2_case_note_7_days", { member = "kid", status = "breached", due = "2026-03-10T23:59:59Z" },
  "L186: no case note within 7 days")

-- Tier offers ------------------------------------------------------------------------
at "2026-03-16T10:00:00Z"
refuse(p1, "offer_iy", { as = "pp" }, "missing_record", "L229: the assessment comes before a programme")
add_record(p1, "parenting_assessment", { as = "pp", fields = assessment({ sdq_score = 21 }) })
act(p1, "offer_iy", { as = "pp" })
expect_state(p1, "iy_course", "L249-L252: child 3-10, SDQ 18 or over, no previous IY course")
expect_timescale(p1, "TM_B10_group_16_weeks", { status = "cancelled" }, "L257: not a group programme")
-- 16 March + 6 months = 16 September, British Summer Time
expect_timescale(p1, "TM_B9_iy_6_months", { status = "pending", due = "2026-09-16T22:59:59Z" },
  "L253: maximum intervention time over 6 months")
for i = 1, 16 do act(p1, "parenting_session", { as = "pp", input = { held_on = "2026-04-01" } }) end
refuse(p1, "parenting_session", { as = "pp", input = { held_on = "2026-08-01" } }, "guard_failed",
  "L253: up to 16 sessions")

add_record(p2, "parenting_assessment", { as = "pp", fields = assessment({ challenging_behaviour_described = true }) })
refuse(p2, "offer_iy", { as = "pp" }, "guard_failed",
  "L251: parent-described challenging behaviour must be supported by a school assessment or PMHS")
add_record(p2, "parenting_assessment", { as = "pp", fields = assessment({
  challenging_behaviour_described = true, supported_by_school_or_pmhs = true }) })
act(p2, "offer_iy", { as = "pp" })

-- 1:1 EBPP (L234-L246); a prior IY course blocks IY but not 1:1 EBPP (spec §8.9)
add_record(p3, "parenting_assessment", { as = "pp", fields = assessment({
  sdq_score = 19, able_to_attend_course = false, priority_group = "none", previous_iy_80pct = true }) })
refuse(p3, "offer_iy", { as = "pp" }, "guard_failed", "L252: not completed at least 80% of an IY course previously")
refuse(p3, "offer_ebpp_1to1", { as = "pp", input = { programme = "nvr" } }, "guard_failed",
  "L236: parents in a priority group")
add_record(p3, "parenting_assessment", { as = "pp", fields = assessment({
  sdq_score = 19, able_to_attend_course = false, priority_group = "father", previous_iy_80pct = true }) })
refuse(p3, "offer_ebpp_1to1", { as = "pp", input = { programme = "yoga" } }, "invalid_input",
  "L252: an evidence based parenting programme")
act(p3, "offer_ebpp_1to1", { as = "pp", input = { programme = "nvr" } })
expect_state(p3, "ebpp_1to1", "L235: a bespoke 1:1 service for a parent in a priority group")

-- Group programmes (L255-L257)
add_record(p4, "parenting_assessment", { as = "pp", fields = assessment({}) })
refuse(p4, "offer_group_programme", { as = "pp", input = { programme = "timid_to_tiger" } }, "guard_failed",
  "L255: Timid to Tiger is for parents of anxious children aged 3-10")
refuse(p4, "offer_ebpp_1to1", { as = "pp", input = { programme = "ppap" } }, "guard_failed",
  "L235: 1:1 only for parents not able to attend a parenting course")
act(p4, "offer_group_programme", { as = "pp", input = { programme = "ppap" } })
expect_state(p4, "group_programme", "L255: Parents Plus Adolescents for parents of teenagers")
-- 2 assessment sessions + 14 group sessions = 16
for i = 1, 14 do act(p4, "parenting_session", { as = "pp", input = { held_on = "2026-04-01" } }) end
refuse(p4, "parenting_session", { as = "pp", input = { held_on = "2026-06-01" } }, "guard_failed",
  "L257: assessment and group delivery amounting to up to 16 sessions")
add_record(p5, "parenting_assessment", { as = "pp", fields = assessment({}) })
act(p5, "offer_group_programme", { as = "pp", input = { programme = "nvr" } })

-- Nurturing Programme (L259-L260)
add_record(p6, "parenting_assessment", { as = "pp", fields = assessment({}) })
refuse(p6, "offer_iy", { as = "pp" }, "guard_failed", "L249: Incredible Years is for parents of children aged 3-10")
act(p6, "offer_nurturing", { as = "pp" })
expect_state(p6, "nurturing_programme", "L260: for parents of children aged 2-10 not meeting 1:1 or IY criteria")
add_record(p7, "parenting_assessment", { as = "pp", fields = assessment({ sdq_score = 20 }) })
refuse(p7, "offer_nurturing", { as = "pp" }, "guard_failed",
  "L260: the Nurturing Programme is for parents who do not meet the IY criteria")
act(p7, "parenting_not_offered", { as = "pp", input = { reason = "Family declined the IY course" } })
expect_state(p7, "parenting_not_offered", "L229: no programme offered [INF]")

-- TM-B10 met (p4) and breached (p5); TM-B9 met (p1) and breached (p2)
at "2026-06-15T10:00:00Z"
act(p4, "complete_programme", { as = "pp", input = { rom_outcome = "Goal-based outcome improved" } })
expect_timescale(p4, "TM_B10_group_16_weeks", { status = "met" }, "L257: within the average 16 weeks")
expect_state(p4, "parenting_complete", "L257: group programme complete")
at "2026-06-23T09:00:00Z"
expect_timescale(p5, "TM_B10_group_16_weeks", { status = "breached", due = "2026-06-22" },
  "L257: longer than the average 16 weeks (reporting baseline)")
at "2026-08-20T10:00:00Z"
act(p1, "complete_programme", { as = "pp", input = { rom_outcome = "SDQ down to 14" } })
expect_timescale(p1, "TM_B9_iy_6_months", { status = "met" }, "L253: IY within 6 months")
at "2026-09-17T09:00:00Z"
expect_timescale(p2, "TM_B9_iy_6_months", { status = "breached", due = "2026-09-16T22:59:59Z" },
  "L253: IY beyond 6 months")
refuse(p1, "parenting_session", { as = "pp", input = { held_on = "2026-09-17" } }, "case_closed",
  "L253: the intervention is complete")
