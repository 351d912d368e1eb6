-- Durham: Social Care Advice for an EHC needs assessment (L2058-2094), via
-- the family's OPS Lead Professional (spawned from one_point) and via a CRM
-- request into the IFS Manager's tray: 20 working days to send the advice
-- (both rules, met and breached) and 15 days to comment on the draft EHCP.
-- Bare due dates are 23:59:59 London time (BST from 29 Mar 2026).
scenario "Durham: Social Care Advice (SEND)" {
  authority = "durham",
  start = "2026-03-02T09:00:00Z",   -- Monday
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
    send = { "send_caseworker", team = "ifst" },
  },
}

local function ifst_case(name)
  local id = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
    data = { family_name = name, requester = "professional", reason = "complex" },
    members = { { id = "sam", name = "Sam", role = "child", dob = "2015-09-09" } } }
  add_record(id, "mo_case_note", { as = "sehtw", fields = { note = "IFST" } })
  act(id, "triage_allocate_ifst", { as = "ehtw", input = { complex_needs = true } })
  add_record(id, "timeline", { as = "tm", fields = { initial_case_summary = "x" } })
  act(id, "allocate_key_worker", { as = "tm", input = { key_worker = user_id "kw", expected_assessment_working_days = 28, discussion_and_actions = "x" } })
  add_record(id, "initial_checks", { as = "kw", fields = { pvp_register_checked = true, rapid_completed = true } })
  act(id, "record_consent", { as = "kw" })
  return id
end

-- A: the family has an OPS Lead Professional (L2062).
local a = ifst_case("Wade")
refuse(a, "request_social_care_advice", { as = "kw", at = "2026-03-02T09:30:00Z", input = { request = "x" } }, "wrong_role",
  "L2062: SEND Business Services make the request")
act(a, "request_social_care_advice", { as = "send", at = "2026-03-02T10:00:00Z", input = { request = "EHC needs assessment for Sam" } })
expect_state(a, "ifst_assessment", "L2084: the One Point episode carries on")
local s1 = linked(a, "social_care_advice")
expect_state(s1, "sca_requested", "L2062: the OPS Lead Professional is emailed")
-- Mon 2 Mar + 20 working days = Mon 30 Mar.
expect_timescale(s1, "T46_sca_20wd_lead_professional", { status = "pending", due = "2026-03-30" }, "L2062: within 20 working days")
refuse(s1, "inform_send_caseworker", { as = "send", at = "2026-03-03T09:00:00Z", input = { copied_to = "x" } }, "wrong_role",
  "L2072: the OPS Lead Professional informs the SEND Caseworker")
act(s1, "inform_send_caseworker", { as = "kw", at = "2026-03-03T10:00:00Z", input = { copied_to = "Team Manager; Business Support Team Leader" } })

-- B: no OPS Lead Professional: a CRM request into the IFS Manager's tray (L2064-2068).
local b = open_case { workflow = "social_care_advice", as = "send", state = "sca_in_tray", at = "2026-03-03T11:00:00Z",
  data = { family_name = "York", request = "EHC needs assessment: social care advice" },
  members = { { id = "ty", name = "Ty", role = "child", dob = "2014-04-14" } } }
expect_state(b, "sca_in_tray", "L2068: put into the LL tray of the IFS Manager")
expect_timescale(b, "T46_sca_20wd_lead_professional", { count = 0 }, "L2062 applies where an OPS Lead Professional was emailed")
refuse(b, "allocate_sca", { as = "tm", at = "2026-03-03T11:30:00Z", input = { lead_professional = user_id "kw" } }, "invalid_input",
  "L2070: reference in the allocation the deadline for submission")
act(b, "allocate_sca", { as = "tm", at = "2026-03-03T12:00:00Z", input = { lead_professional = user_id "kw", submission_deadline = "2026-03-31" } })
expect_assigned(b, "kw", "L2068: allocated as they would other requests")
-- Tue 3 Mar + 20 working days = Tue 31 Mar.
expect_timescale(b, "T46_sca_20wd_allocated", { status = "pending", due = "2026-03-31" }, "L2068: 20 working days to complete and send back")

-- C: a second request to A's Lead Professional, handled late.
act(a, "request_social_care_advice", { as = "send", at = "2026-03-04T10:00:00Z", input = { request = "Second EHC request" } })
local s3 = linked(a, "social_care_advice")

-- A: drafted, authorised with the manager's comment, sent.
act(s1, "submit_sca", { as = "kw", at = "2026-03-10T10:00:00Z", input = {
  social_care_needs = "Emotional regulation", provision = "Key Worker sessions", expected_outcomes = "Attends school" } })
refuse(s1, "authorise_sca", { as = "kw", at = "2026-03-11T09:00:00Z", input = { comment = "x" } }, "wrong_role",
  "L2078: the Team Manager will quality assure and authorise")
refuse(s1, "authorise_sca", { as = "tm", at = "2026-03-11T09:30:00Z" }, "invalid_input",
  "L2078: managers are expected to make a comment on the social care advice")
act(s1, "authorise_sca", { as = "tm", at = "2026-03-11T10:00:00Z", input = { comment = "Needs identified; provision and outcomes detailed" } })
act(s1, "send_sca", { as = "kw", at = "2026-03-12T10:00:00Z" })
expect_timescale(s1, "T46_sca_20wd_lead_professional", { status = "met" }, "L2062")
act(s1, "attend_mam", { as = "kw", at = "2026-03-20T10:00:00Z", input = { attended_on = "2026-03-20", actions = "Align with TAF" } })
act(s1, "receive_draft_ehcp", { as = "send", at = "2026-03-25T10:00:00Z" })
-- Wed 25 Mar + 15 days = Thu 9 Apr.
expect_timescale(s1, "T47_ehcp_comments_15d", { status = "pending", due = "2026-04-09" }, "L2086: 15 days to make comment on the plan")

-- B: late.
at "2026-04-01T08:00:00Z"
expect_timescale(b, "T46_sca_20wd_allocated", { status = "breached", due = "2026-03-31" }, "L2068: not sent back within 20 working days")
act(b, "inform_send_caseworker", { as = "kw", at = "2026-04-01T09:00:00Z", input = { copied_to = "TM" } })
act(b, "submit_sca", { as = "kw", at = "2026-04-01T10:00:00Z", input = { social_care_needs = "n", provision = "p", expected_outcomes = "o" } })
act(b, "return_sca", { as = "tm", at = "2026-04-01T11:00:00Z", input = { feedback = "Outcomes not measurable" } })
expect_state(b, "sca_drafting", "L2078: quality assured by the Team Manager")
act(b, "submit_sca", { as = "kw", at = "2026-04-01T12:00:00Z", input = { social_care_needs = "n", provision = "p", expected_outcomes = "Measurable o" } })
act(b, "authorise_sca", { as = "tm", at = "2026-04-01T13:00:00Z", input = { comment = "ok" } })

-- C: Wed 4 Mar + 20 working days = Wed 1 Apr.
at "2026-04-02T08:00:00Z"
expect_timescale(s3, "T46_sca_20wd_lead_professional", { status = "breached", due = "2026-04-01" }, "L2062: not submitted within 20 working days")
act(s3, "inform_send_caseworker", { as = "kw", at = "2026-04-02T08:30:00Z", input = { copied_to = "TM" } })
act(s3, "submit_sca", { as = "kw", at = "2026-04-02T09:00:00Z", input = { social_care_needs = "n", provision = "p", expected_outcomes = "o" } })
act(s3, "authorise_sca", { as = "tm", at = "2026-04-02T09:30:00Z", input = { comment = "ok" } })
act(s3, "send_sca", { as = "kw", at = "2026-04-02T10:00:00Z" })
expect_timescale(s3, "T46_sca_20wd_lead_professional", { status = "met_late" }, "L2062")
act(s3, "no_ehcp", { as = "send", at = "2026-04-02T11:00:00Z", input = { decision = "send_support_plan" } })
expect_state(s3, "sca_closed", "L2086: a SEND Support Plan instead of an EHCP")

act(b, "send_sca", { as = "kw", at = "2026-04-02T12:00:00Z" })
expect_timescale(b, "T46_sca_20wd_allocated", { status = "met_late" }, "L2068")
act(b, "receive_draft_ehcp", { as = "kw", at = "2026-04-02T13:00:00Z" })

act(s1, "return_ehcp_comments", { as = "kw", at = "2026-04-08T10:00:00Z", input = { comments = "SCA reflected accurately" } })
expect_state(s1, "sca_closed", "L2086")
expect_timescale(s1, "T47_ehcp_comments_15d", { status = "met" }, "L2086")

-- B: Thu 2 Apr + 15 days = Fri 17 Apr.
at "2026-04-20T08:00:00Z"
expect_timescale(b, "T47_ehcp_comments_15d", { status = "breached", due = "2026-04-17" }, "L2086: no comments within 15 days")
act(b, "return_ehcp_comments", { as = "kw", at = "2026-04-20T09:00:00Z", input = { comments = "Late comments", further_social_care_outcomes = true } })
expect_timescale(b, "T47_ehcp_comments_15d", { status = "met_late" }, "L2086")

-- D: a CRM request handled in time.
local d = open_case { workflow = "social_care_advice", as = "send", state = "sca_in_tray", at = "2026-04-20T10:00:00Z",
  data = { family_name = "Zeal", request = "EHC needs assessment" },
  members = { { id = "jay", name = "Jay", role = "child", dob = "2013-03-13" } } }
act(d, "allocate_sca", { as = "tm", at = "2026-04-20T11:00:00Z", input = { lead_professional = user_id "kw", submission_deadline = "2026-05-19" } })
-- Mon 20 Apr + 20 working days (Mon 4 May a bank holiday) = Tue 19 May.
expect_timescale(d, "T46_sca_20wd_allocated", { status = "pending", due = "2026-05-19" }, "L2068")
act(d, "inform_send_caseworker", { as = "kw", at = "2026-04-21T10:00:00Z", input = { copied_to = "TM" } })
act(d, "submit_sca", { as = "kw", at = "2026-04-28T10:00:00Z", input = { social_care_needs = "n", provision = "p", expected_outcomes = "o" } })
act(d, "authorise_sca", { as = "tm", at = "2026-04-29T10:00:00Z", input = { comment = "Needs and provision detailed" } })
act(d, "send_sca", { as = "kw", at = "2026-05-01T10:00:00Z" })
expect_timescale(d, "T46_sca_20wd_allocated", { status = "met" }, "L2068: sent back within 20 working days")

-- E: L2094: "If a family has been closed for up to three months and a request
-- for Social Care Advice is received, advice can be given without opening the
-- family to the service. The former worker ... will write the advice": the
-- request is opened here directly, without reopening the One Point episode.
local e = open_case { workflow = "social_care_advice", as = "send", at = "2026-05-01T11:00:00Z",
  data = { family_name = "Wade", request = "Closed in February: former worker to advise" },
  members = { { id = "sam", name = "Sam", role = "child", dob = "2015-09-09" } } }
expect_state(e, "sca_requested", "L2094: advice given without opening the family to the service")
-- Fri 1 May + 20 working days: 5-8 May (4; Mon 4 May bank holiday), 11-15 (9), 18-22 (14),
-- 26-29 (18; Mon 25 May bank holiday), Mon 1 Jun (19), Tue 2 Jun (20).
expect_timescale(e, "T46_sca_20wd_lead_professional", { status = "pending", due = "2026-06-02" }, "L2094: 'submit this as above' (L2062)")
