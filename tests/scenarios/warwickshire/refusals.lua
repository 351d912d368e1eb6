-- tests/scenarios/warwickshire/refusals.lua: every refusal kind, and the
-- triage and allocation guards (Priority Families counts, single assessment
-- exceptions, tiers, stepped approach, ages, screening, supervision, consent,
-- no waiting list). L<n> = shared/seeds/003_6f36f2e5d3d52058.txt.
scenario "Warwickshire: triage and allocation refusals" {
  authority = "warwickshire",
  start = "2026-01-05T09:00:00Z",
  users = {
    eho = { "early_help_officer", team = "south" },
    admin = { "early_help_administrator", team = "south" },
    chair = { "early_help_caf_manager", team = "south" },
    fsw = { "fsw", team = "south" },
    fsw05 = { "fsw", team = "south" },
  },
}

-- Triage input with the first n Priority Families criteria met (L130-L137).
local function triage(n, over)
  local keys = { "pf_domestic_abuse", "pf_school_attendance", "pf_crime_asb",
                 "pf_out_of_work", "pf_health", "pf_tier3_4_threshold" }
  local t = { stepped_approach_step = "step_3", threshold_tier = "tier_3", pf_data_matched = true }
  for i, k in ipairs(keys) do t[k] = i <= n end
  for k, v in pairs(over or {}) do t[k] = v end
  return t
end
local function allocation(worker, over)
  local t = { fsw = user_id(worker), screened_at_meeting = true, agreed_in_supervision = true,
              meeting_date = "2026-01-08" }
  for k, v in pairs(over or {}) do t[k] = v end
  return t
end
local family = {
  { id = "ann", name = "Ann", role = "child", dob = "2012-09-01" },
  { id = "bob", name = "Bob", role = "parent", dob = "1985-01-01" },
}
local function referral(data, members)
  local d = { referrer = "Early Help Officer in the MASH", source = "mash_eho", level = "complex", locality = "south" }
  for k, v in pairs(data or {}) do d[k] = v end
  return open_case { workflow = "family_support_work", as = "eho", data = d, members = members or family }
end

-- A Complex referral with a single assessment and consent.
local c = referral()
add_record(c, "single_assessment", { as = "eho", fields = { kind = "early_help", completed_on = "2026-01-02" } })
add_record(c, "consent_for_service", { as = "eho", fields = { given_by = "Bob", given_on = "2026-01-05" } })

refuse(c, "triage_pass", { as = "fsw", input = triage(4) }, "wrong_role", "L157: all referrals are triaged by the Early Help Officer")
refuse(c, "allocate", { as = "chair", input = allocation("fsw") }, "wrong_state", "L157: triaged by the EHO before the allocation meeting (L164)")
local missing = triage(4); missing.pf_health = nil
refuse(c, "triage_pass", { as = "eho", input = missing }, "invalid_input", "L134: each Priority Families criterion is answered")
refuse(c, "triage_pass", { as = "eho", input = triage(4, { pf_health = "yes" }) }, "invalid_input", "L134: a criterion is yes or no")
refuse(c, "triage_pass", { as = "eho", input = triage(3) }, "guard_failed", "L129: four of the six criteria must be met")
refuse(c, "triage_pass", { as = "eho", input = triage(4, { pf_data_matched = false }) }, "guard_failed", "L160: Priority Families data matching")
refuse(c, "triage_pass", { as = "eho", input = triage(4, { threshold_tier = "tier_4" }) }, "guard_failed", "L145: Complex is tier 3 (tier 4 only for Complex-Intensive, L146)")
refuse(c, "triage_pass", { as = "eho", input = triage(4, { threshold_tier = "tier_2" }) }, "guard_failed", "L91: work from tier 3")
refuse(c, "triage_pass", { as = "eho", input = triage(4, { stepped_approach_step = "step_2" }) }, "guard_failed", "L116: levels 1 and 2 are signposted, not FSW")
act(c, "triage_pass", { as = "eho", input = triage(4) })
expect_state(c, "allocation_meeting_pending", "L164: to the weekly allocation meeting")
refuse(c, "triage_pass", { as = "eho", input = triage(4) }, "wrong_state", "L157: triage happens once, at the front door")
refuse(c, "allocate", { as = "eho", input = allocation("fsw") }, "wrong_role", "L164: the meeting's chair records allocation")
local nofsw = allocation("fsw"); nofsw.fsw = nil
refuse(c, "allocate", { as = "chair", input = nofsw }, "invalid_input", "L166: allocation names the family support worker")
refuse(c, "allocate", { as = "chair", input = allocation("fsw", { screened_at_meeting = "yes" }) }, "invalid_input", "L199: screening is yes or no")
refuse(c, "allocate", { as = "chair", input = allocation("fsw", { screened_at_meeting = false }) }, "guard_failed", "L199: screened by team managers and EHOs")
refuse(c, "allocate", { as = "chair", input = allocation("fsw", { agreed_in_supervision = false }) }, "guard_failed", "L219: allocation agreed via supervision")
at "2026-01-08T10:00:00Z"
act(c, "allocate", { as = "chair", input = allocation("fsw") })
expect_state(c, "intervention_active", "L166: allocated")

-- No consent recorded: allocation needs it [INF, L200].
local nc = referral()
add_record(nc, "single_assessment", { as = "eho", fields = { kind = "early_help", completed_on = "2026-01-02" } })
act(nc, "triage_pass", { as = "eho", input = triage(5) })
refuse(nc, "allocate", { as = "chair", input = allocation("fsw") }, "missing_record", "L200: consent for service")

-- No single assessment and no exception (early help network route).
local nsa = referral({ source = "early_help_network" })
refuse(nsa, "triage_pass", { as = "eho", input = triage(4) }, "guard_failed", "L128: the single assessment is the referral form")
-- Early help panel, by exception with a reason: passes, and the FSW writes it.
local panel = referral({ source = "early_help_panel", single_assessment_exception = "panel agreed urgent need" })
add_record(panel, "consent_for_service", { as = "eho", fields = { given_by = "Bob", given_on = "2026-01-08" } })
act(panel, "triage_pass", { as = "eho", input = triage(4) })
act(panel, "allocate", { as = "chair", input = allocation("fsw") })
expect_state(panel, "single_assessment_in_progress", "L128: the FSW may need to write the single assessment")

-- 0-5 Complex from a children's centre: 2 of 6 criteria, no single assessment (Table 1).
local toddler = {
  { id = "cal", name = "Cal", role = "child", dob = "2023-06-01" },
  { id = "dee", name = "Dee", role = "parent", dob = "1996-03-03" },
}
local c05 = referral({ source = "childrens_centre", level = "0_5_complex", referrer = "Riverside Children's Centre" }, toddler)
add_record(c05, "consent_for_service", { as = "eho", fields = { given_by = "Dee", given_on = "2026-01-08" } })
refuse(c05, "triage_pass", { as = "eho", input = triage(1) }, "guard_failed", "L144: 0-5 Complex needs 2 criteria met")
act(c05, "triage_pass", { as = "eho", input = triage(2) })
expect_state(c05, "allocation_meeting_pending", "L144: 0-5 Complex, 2 met, no single assessment needed")
act(c05, "allocate", { as = "chair", input = allocation("fsw05") })
expect_state(c05, "single_assessment_in_progress", "L183: children's centres may require workers to complete a single assessment")
refuse(c05, "single_assessment_completed", { as = "fsw05" }, "missing_record", "L128: the single assessment must be written")
add_record(c05, "single_assessment", { as = "fsw05", fields = { kind = "early_help", completed_on = "2026-01-20" } })
act(c05, "single_assessment_completed", { as = "fsw05" })
expect_state(c05, "intervention_active", "L128: the single assessment underpins the work")

-- 0-5 Complex with no child aged 0-5.
local older = referral({ source = "childrens_centre", level = "0_5_complex" },
  { { id = "eve", name = "Eve", role = "child", dob = "2017-03-01" } })
refuse(older, "triage_pass", { as = "eho", input = triage(2) }, "guard_failed", "L183: a child aged 0-5 years is in the family")
-- No child aged 0 to 18.
local adult = referral({}, { { id = "fay", name = "Fay", role = "child", dob = "2005-01-01" } })
add_record(adult, "single_assessment", { as = "eho", fields = { kind = "early_help", completed_on = "2026-01-02" } })
refuse(adult, "triage_pass", { as = "eho", input = triage(4) }, "guard_failed", "L39: children aged from 0 to 18 years old")
-- Housing FSW: the reduced number is not stated, so triage cannot pass until configured.
local housing = referral({ level = "housing_fsw" })
refuse(housing, "triage_pass", { as = "eho", input = triage(6) }, "guard_failed", "L139: a reduced number of Priority Family criteria (not stated)")

-- Declined at triage: terminal.
local rej = referral()
act(rej, "triage_reject", { as = "eho", input = { reason = "pf_criteria_not_met", detail = "2 of 6 criteria" } })
expect_state(rej, "declined_not_eligible", "L129: criteria not met")
refuse(rej, "triage_pass", { as = "eho", input = triage(4) }, "case_closed", "L129: a declined referral is closed")

-- No capacity: declined, no waiting list, nothing re-activates it.
local full = referral({ source = "social_care", level = "complex" })
add_record(full, "single_assessment", { as = "admin", fields = { kind = "statutory", completed_on = "2026-01-02" } })
act(full, "triage_pass", { as = "eho", input = triage(4) })
act(full, "decline_no_capacity", { as = "chair", input = { reason = "no south complex capacity this week" } })
expect_state(full, "declined_no_capacity", "L189: declined a service until capacity is available")
expect_data(full, "waiting_list", false, "L189: no waiting list will be held")
expect_data(full, "network_continues_support", true, "L191: the early help network continues to provide support")
refuse(full, "allocate", { as = "chair", input = allocation("fsw") }, "case_closed", "L189: no waiting list: a new referral is needed")

-- The meeting finds the FSW service is the wrong level.
local low = referral()
add_record(low, "single_assessment", { as = "eho", fields = { kind = "early_help", completed_on = "2026-01-02" } })
act(low, "triage_pass", { as = "eho", input = triage(4) })
act(low, "decline_level_inappropriate", { as = "chair", input = { reason = "step 2 parenting advice" } })
expect_state(low, "declined_not_eligible", "L166: the meeting identifies the appropriate level of intervention")
