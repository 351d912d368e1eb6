-- Durham: working-day clocks across England and Wales bank holidays, due
-- dates computed by hand (DESIGN.md §3: anchor day is day 0; weekends and
-- bank holidays skipped; due 23:59:59 London time, i.e. 22:59:59Z in BST and
-- 23:59:59Z in winter; hours are exact, holidays or not).
-- Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr; early May 4 May.
-- Christmas 2026: Fri 25 Dec, Mon 28 Dec (substitute for Boxing Day);
-- New Year: Fri 1 Jan 2027.
scenario "Durham: bank holiday windows (Easter and Christmas 2026)" {
  authority = "durham",
  start = "2026-03-30T08:00:00Z",   -- Monday 09:00 BST
  users = {
    ehtw = { "ehtw", team = "first_contact" },
    sehtw = { "sehtw", team = "first_contact" },
    tm = { "ifst_team_manager", team = "ifst" },
    kw = { "key_worker", team = "ifst" },
    fhtm = { "fhtm", team = "family_hub" },
    ehp = { "ehp", team = "family_hub" },
  },
}

local function ifst_to_consent(name, consent_at)
  local id = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
    data = { family_name = name, requester = "professional", reason = "complex" },
    members = { { id = "kid", name = "Kid", role = "child", dob = "2015-07-07" } } }
  add_record(id, "mo_case_note", { as = "sehtw", fields = { note = "IFST" } })
  act(id, "triage_allocate_ifst", { as = "ehtw", input = { complex_needs = true } })
  add_record(id, "timeline", { as = "tm", fields = { initial_case_summary = "x" } })
  act(id, "allocate_key_worker", { as = "tm", input = { key_worker = user_id "kw", expected_assessment_working_days = 28, discussion_and_actions = "x" } })
  add_record(id, "initial_checks", { as = "kw", fields = { pvp_register_checked = true, rapid_completed = true } })
  act(id, "record_consent", { as = "kw", at = consent_at })
  return id
end

-- Easter (A): Family Hub allocation on Wed 1 Apr 2026.
local f = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Hub", requester = "parent", reason = "routines" },
  members = { { id = "tot", name = "Tot", role = "child", dob = "2022-02-02" } } }
act(f, "triage_allocate_fh", { as = "ehtw", at = "2026-03-30T09:00:00Z" })
act(f, "allocate_ehp", { as = "fhtm", at = "2026-04-01T09:00:00Z", input = { ehp = user_id "ehp", discussion_and_actions = "x" } })
-- 10 working days: Thu 2 Apr (1), Tue 7 .. Fri 10 (5), Mon 13 .. Fri 17 Apr (10).
expect_timescale(f, "T14_fh_consent_10wd", { status = "pending", due = "2026-04-17T22:59:59Z" }, "L617: 10 working days across Easter")

-- Easter (B): IFST consent on Thu 2 Apr 2026, 11:00 BST.
local e = ifst_to_consent("Easter", "2026-04-02T10:00:00Z")
-- 10 working days: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13 .. Fri 17, Mon 20 Apr.
expect_timescale(e, "T19_ops_contact_10wd", { status = "pending", due = "2026-04-20T22:59:59Z" }, "L683: 10 working days across Easter")
-- 20 working days: 7-10 Apr (4), 13-17 (9), 20-24 (14), 27 Apr-1 May (19), Tue 5 May (20; Mon 4 May skipped).
expect_timescale(e, "T17_child_seen_20wd", { member = "kid", status = "pending", due = "2026-05-05" }, "L683: 20 working days across Easter and early May")
-- 28 working days: to Tue 5 May (20), 6-8 May (23), 11-15 May (28): Fri 15 May.
expect_timescale(e, "T11_ifst_assessment_28wd", { status = "pending", due = "2026-05-15" }, "L685: 28 working days from consent")
-- 28 calendar days: Thu 30 Apr.
expect_timescale(e, "T11_ifst_assessment_28d", { status = "pending", due = "2026-04-30" }, "L507: 28 days")

-- Consent on the due day's evening (21:00 BST) is on time.
add_record(f, "initial_checks", { as = "ehp", at = "2026-04-17T19:00:00Z", fields = { pvp_register_checked = true, rapid_completed = true } })
act(f, "record_fh_consent", { as = "ehp", at = "2026-04-17T20:00:00Z" })
expect_timescale(f, "T14_fh_consent_10wd", { status = "met" }, "L617: met before 23:59:59 London time")
at "2026-04-20T21:00:00Z"   -- 22:00 BST on the due day: still pending
expect_timescale(e, "T19_ops_contact_10wd", { status = "pending" }, "L683: due at 23:59:59 London time")
at "2026-04-21T07:00:00Z"
expect_timescale(e, "T19_ops_contact_10wd", { status = "breached", due = "2026-04-20" }, "L683: breached after Monday 20 Apr")

-- Christmas (C): an IFST family in assessment; a Family Network Meeting on
-- Christmas Eve at 10:00. 24 hours is exactly Christmas Day 10:00; 1 working
-- day is Tue 29 Dec.
at "2026-12-14T09:00:00Z"
local h = ifst_to_consent("Noel", "2026-12-16T10:00:00Z")
-- Christmas (C0): a request on Mon 21 Dec: 5 working days are Tue 22, Wed 23,
-- Thu 24, (Fri 25, Sat, Sun, Mon 28 skipped) Tue 29, Wed 30 Dec.
local z = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage", at = "2026-12-21T09:00:00Z",
  data = { family_name = "Ivers", requester = "professional", reason = "advice" },
  members = { { id = "al", name = "Al", role = "child", dob = "2018-03-03" } } }
expect_timescale(z, "T01_triage_progressed_5wd", { status = "pending", due = "2026-12-30T23:59:59Z" }, "L376: 5 working days over Christmas")
act(h, "hold_fnm", { as = "kw", at = "2026-12-24T10:00:00Z", input = { held_on = "2026-12-24" } })
expect_timescale(h, "T32_recording_24h", { status = "pending", due = "2026-12-25T10:00:00Z" }, "L1333: 24 hours, bank holiday or not")
expect_timescale(h, "T33_recording_1wd", { status = "pending", due = "2026-12-29T23:59:59Z" }, "L1343: 1 working day skips 25 and 28 Dec")

-- Christmas (D): a request reaching Early Help Triage on Christmas Eve.
at "2026-12-24T10:30:00Z"
local x = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Holly", requester = "professional", reason = "complex" },
  members = { { id = "ivy", name = "Ivy", role = "child", dob = "2016-12-01" } } }
-- 5 working days from Thu 24 Dec: (Fri 25, Sat, Sun, Mon 28 skipped) Tue 29, Wed 30, Thu 31, (Fri 1 Jan) Mon 4, Tue 5 Jan.
expect_timescale(x, "T01_triage_progressed_5wd", { status = "pending", due = "2027-01-05T23:59:59Z" }, "L376: 5 working days over Christmas and New Year")
add_record(x, "mo_case_note", { as = "sehtw", at = "2026-12-24T11:00:00Z", fields = { note = "IFST" } })
act(x, "triage_allocate_ifst", { as = "ehtw", at = "2026-12-24T12:00:00Z", input = { complex_needs = true } })
expect_timescale(x, "T01_triage_progressed_5wd", { status = "met" }, "L376")
-- 2 working days from Thu 24 Dec: Tue 29, Wed 30 Dec.
expect_timescale(x, "T06_ifst_allocation_2wd", { status = "pending", due = "2026-12-30" }, "L476: two working days over Christmas")

-- The FNM is written up on Mon 28 Dec (a bank holiday): late for 24 hours, on time for 1 working day.
add_record(h, "case_note", { as = "kw", at = "2026-12-28T11:00:00Z", fields = { summary = "FNM", contact_type = "fnm" } })
expect_timescale(h, "T32_recording_24h", { status = "met_late" }, "L1333")
expect_timescale(h, "T33_recording_1wd", { status = "met" }, "L1343")

act(z, "triage_resolve", { as = "ehtw", at = "2026-12-30T16:00:00Z", input = { outcome = "Advice to school" } })
expect_timescale(z, "T01_triage_progressed_5wd", { status = "met" }, "L376: progressed on the last working day")
at "2026-12-31T09:00:00Z"
expect_timescale(x, "T06_ifst_allocation_2wd", { status = "breached", due = "2026-12-30T23:59:59Z" }, "L476: breached after Wed 30 Dec")

-- New Year (E): a Family Hub in-tray referral on Thu 31 Dec.
local y = open_case { workflow = "one_point", as = "ehtw", state = "eh_triage",
  data = { family_name = "Ivy", requester = "parent", reason = "parenting" },
  members = { { id = "jo", name = "Jo", role = "child", dob = "2021-01-01" } } }
act(y, "triage_allocate_fh", { as = "ehtw", at = "2026-12-31T10:00:00Z" })
-- 7 working days from Thu 31 Dec: (Fri 1 Jan) Mon 4, Tue 5, Wed 6, Thu 7, Fri 8, Mon 11, Tue 12 Jan 2027.
expect_timescale(y, "T07_fh_allocation_7wd", { status = "pending", due = "2027-01-12" }, "L599: seven working days over New Year")
