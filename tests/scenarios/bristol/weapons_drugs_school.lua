-- tests/scenarios/bristol/weapons_drugs_school.lua: the Weapons in School and
-- Drugs in School pathways (L394): no intent to harm or deal, the EIM's
-- assessment within 48 hours of being contacted (TM-B7), support by a Youth
-- Justice Support Worker (weapons) or a New Leaf BDP worker (drugs) for up to
-- 12 weeks (TM-B8), and case notes (TM-B2, TM-B3, L186).
-- Due dates by hand (DESIGN §3): hours exact; weeks = 7N days, due 23:59:59
-- London time (BST "T22:59:59Z").
scenario "Bristol: Weapons and Drugs in School pathways" {
  authority = "bristol",
  start = "2026-02-09T09:00:00Z",
  users = {
    eim = { "education_inclusion_manager", team = "north" },
    yjsw = { "youth_justice_support_worker", team = "north" },
    yjsw2 = { "youth_justice_support_worker", team = "north" },
    bdp = { "new_leaf_bdp_worker", team = "north" },
  },
}

local function contact(kind, intent)
  return open_case { workflow = "weapons_drugs_school", as = "eim",
    data = { kind = kind, intent_to_harm_or_deal = intent, school = "Oasis Academy", locality = "north" },
    members = {
      { id = "yp", name = "Young Person", role = "child", dob = "2011-10-10" },
      { id = "carer", name = "Carer", role = "parent", dob = "1980-10-10" },
    } }
end

local w1 = contact("weapon", false)
local w2 = contact("drugs", false)
local w3 = contact("weapon", true)
-- contacted Monday 09:00: assessment within 48 hours, Wednesday 09:00
expect_timescale(w1, "TM_B7_eim_assessment_48h", { status = "pending", due = "2026-02-11T09:00:00Z" },
  "L394: an assessment within a 48 hour period of being contacted")

at "2026-02-10T15:00:00Z"
refuse(w1, "eim_assessment_weapons", { as = "yjsw", input = { support_worker = user_id "yjsw", summary = "x" } },
  "wrong_role", "L394: Education Inclusion Managers lead on the pathways")
refuse(w1, "eim_assessment_drugs", { as = "eim", input = { support_worker = user_id "bdp", summary = "Knife" } },
  "guard_failed", "L394: a New Leaf BDP worker is for Drugs in School")
refuse(w1, "eim_assessment_weapons", { as = "eim", input = { support_worker = user_id "bdp", summary = "Knife" } },
  "invalid_input", "L394: a Youth Justice Support Worker for Weapons in School")
refuse(w1, "eim_assessment_weapons", { as = "eim", input = { support_worker = user_id "yjsw" } },
  "invalid_input", "L394: the assessment is recorded")
refuse(w1, "wds_not_applicable", { as = "eim", input = { reason = "n/a" } }, "guard_failed",
  "L394: no intent to harm: the pathway applies")
act(w1, "eim_assessment_weapons", { as = "eim", input = { support_worker = user_id "yjsw", summary = "Knife for protection" } })
expect_state(w1, "wds_assessed", "L394: assessed by the EIM")
expect_assigned(w1, "yjsw", "L394, L399: a Youth Justice Support Worker for Weapons in School")
expect_timescale(w1, "TM_B7_eim_assessment_48h", { status = "met" }, "L394: assessed within 48 hours")

refuse(w3, "eim_assessment_weapons", { as = "eim", input = { support_worker = user_id "yjsw", summary = "Threats" } },
  "guard_failed", "L394: only where there is no intent to harm or deal")
act(w3, "wds_not_applicable", { as = "eim", input = { reason = "Intent to harm recorded" } })
expect_state(w3, "wds_not_applicable", "L394: not this pathway [INF]")
refuse(w3, "log_contact", { as = "eim", input = { contact = "phone" } }, "case_closed", "L394: pathway not applicable")

-- w2: the EIM's assessment comes after 48 hours (TM-B7 breached)
at "2026-02-11T09:30:00Z"
expect_timescale(w2, "TM_B7_eim_assessment_48h", { status = "breached", due = "2026-02-11T09:00:00Z" },
  "L394: not assessed within 48 hours")
at "2026-02-11T10:00:00Z"
act(w2, "eim_assessment_drugs", { as = "eim", input = { support_worker = user_id "bdp", summary = "Cannabis, personal use" } })
expect_timescale(w2, "TM_B7_eim_assessment_48h", { status = "met_late" }, "L394: assessed late")
expect_assigned(w2, "bdp", "L394: a New Leaf Bristol Drugs Project worker for Drugs in School")

at "2026-02-12T10:00:00Z"
act(w2, "wds_support_started", { as = "bdp" })
-- 12 February + 12 weeks (84 days) = 7 May, British Summer Time
expect_timescale(w2, "TM_B8_support_12_weeks", { status = "pending", due = "2026-05-07T22:59:59Z" },
  "L394: support for up to 12 weeks")

at "2026-02-16T10:00:00Z"
refuse(w1, "wds_support_started", { as = "yjsw2" }, "wrong_role", "L394: the assigned support worker")
act(w1, "wds_support_started", { as = "yjsw" })
expect_timescale(w1, "TM_B8_support_12_weeks", { status = "pending", due = "2026-05-11" },
  "L394: support for up to 12 weeks (16 February + 84 days)")
act(w1, "log_contact", { as = "yjsw", input = { contact = "school_visit" } })
act(w2, "log_contact", { as = "bdp", input = { contact = "session" } })
expect_timescale(w1, "TM_B2_case_note_7_days", { member = "yp", status = "pending", due = "2026-02-23" },
  "L186: case note within 7 days")
at "2026-02-17T10:00:00Z"
act(w1, "log_significant_event", { as = "yjsw", input = { event = "Exclusion meeting", occurred_on = "2026-02-17" } })
act(w2, "log_significant_event", { as = "bdp", input = { event = "Found with substance", occurred_on = "2026-02-17" } })
expect_timescale(w2, "TM_B3_significant_event_24h", { status = "pending", due = "2026-02-18T10:00:00Z" },
  "L186: case record within 24 hours")
at "2026-02-18T09:00:00Z"
add_record(w1, "case_note", { as = "yjsw", fields = {
  member = "yp", reason_for_contact = "School visit and exclusion meeting", detailed_notes = "Safety plan agreed",
  purpose = "Weapons awareness", seen_and_spoken_to = "Young person, head of year" } })
expect_timescale(w1, "TM_B2_case_note_7_days", { member = "yp", status = "met" }, "L186: within 7 days")
expect_timescale(w1, "TM_B3_significant_event_24h", { status = "met" }, "L186: within 24 hours")
at "2026-02-18T11:00:00Z"
expect_timescale(w2, "TM_B3_significant_event_24h", { status = "breached", due = "2026-02-18T10:00:00Z" },
  "L186: not recorded within 24 hours")
at "2026-02-24T09:00:00Z"
expect_timescale(w2, "TM_B2_case_note_7_days", { member = "yp", status = "breached", due = "2026-02-23T23:59:59Z" },
  "L186: no case note within 7 days")

at "2026-04-20T10:00:00Z"
act(w1, "wds_support_ended", { as = "yjsw", input = { outcome = "Remained in school" } })
expect_state(w1, "wds_closed", "L394-L395: support ended; the pupil remains in their provision")
expect_timescale(w1, "TM_B8_support_12_weeks", { status = "met" }, "L394: within 12 weeks")
at "2026-05-08T09:00:00Z"
expect_timescale(w2, "TM_B8_support_12_weeks", { status = "breached", due = "2026-05-07" },
  "L394: support beyond 12 weeks")
