-- A family moves from Bexley to Bristol mid-episode. Neither document
-- describes moves between authorities (the authority files mark the transfer
-- rule [INF]); DESIGN.md §2: "nothing crosses between authorities except an
-- explicit, audited transfer". The receiving authority gets a linked case with
-- the chronology, and its own clocks on its own calendar.
scenario "transfers: Bexley to Bristol" {
  authority = "bexley",
  start = "2026-12-21T10:00:00Z",     -- Monday before Christmas
  users = {
    mash = "mash_practitioner",
    duty = { "duty_manager", team = "central" },
    kw = { "key_worker", team = "central" },
    fr = { "first_response", authority = "bristol", team = "north" },
    bkw = { "keyworker", authority = "bristol", team = "north" },
  },
}

local c = open_case { workflow = "family_wellbeing", as = "mash",
  data = { referrer = "GP", referral_route = "professional_referral", written_consent = true },
  members = { { id = "amy", name = "Amy", role = "child", dob = "2016-05-01" },
              { id = "sam", name = "Sam", role = "parent", dob = "1988-02-11" } } }
act(c, "mash_route_to_fws", { as = "mash" })
act(c, "accept_referral", { as = "duty", input = { factors = { "mental_ill_health" }, tier_three = true, not_in_need_or_at_risk = true } })
expect_timescale(c, "T05_allocation_3wd_of_receipt", { status = "pending", due = "2026-12-24" }, "L233: Bexley's clock")

-- Only the authority's named transfer roles may move a family.
refuse(c, "transfer", { as = "kw", input = { authority = "bristol", reason = "moved", data = {} } }, "wrong_role", "authorities/bexley.lua transfers.out_by")
refuse(c, "transfer", { as = "duty", input = { authority = "bexley", reason = "moved", data = {} } }, "invalid_input", "another authority")
refuse(c, "transfer", { as = "duty", input = { authority = "bristol", reason = "moved",
  data = { referrer = "Bexley FWS", locality = "north" } } }, "invalid_input", "Bristol L33: consent is required data there")

at "2026-12-22T11:00:00Z"
act(c, "transfer", { as = "duty", input = { authority = "bristol", reason = "family moved to Bristol",
  data = { referrer = "Bexley Family Wellbeing Service", locality = "north", reason = "continuing early help",
          consent = true, multi_agency_evidence = true, request_type = "fif_support" } } })
local b = transferred(c)

-- Bexley: the case has left; its clocks are cancelled; nothing more can be done to it.
expect_timescale(c, "T05_allocation_3wd_of_receipt", { status = "cancelled" }, "L233: cancelled on transfer")
refuse(c, "allocate_key_worker", { as = "duty", input = { key_worker = user_id "kw" } }, "case_closed", "transferred out")
check(view(c).transferred_to.authority == "bristol", "Bexley's case records where the family went")

-- Bristol: its own case, in its own first state, with the chronology carried over.
expect_state(b, "fr_submitted", "Bristol L32, L41: received through First Response")
local bv = view(b)
check(bv.authority == "bristol" and bv.transferred_from.authority == "bexley" and bv.transferred_from.case == c,
      "Bristol's case records where the family came from")
local saw = false
for _, e in ipairs(bv.chronology) do
  if e.what:find("Front Door%-MASH") then saw = true end
end
check(saw, "Bexley's chronology came with the family")
check(#bv.members == 2 and bv.members[1].id == "amy", "the family members came with the family")
-- Bexley cannot see Bristol's case, nor Bristol Bexley's: tenancy holds after the transfer.
refuse(b, "fr_accept", { as = "duty", input = { threshold_met = true } }, "not_found", "DESIGN §2: another authority's case is 404")
refuse(c, "add_record", { as = "fr", type = "case_note", fields = {} }, "not_found", "DESIGN §2")
-- Bristol's people work it on Bristol's rules.
act(b, "fr_accept", { as = "fr", input = { threshold_met = true } })
expect_state(b, "locality_meeting_listed", "Bristol L45: listed for the weekly Locality Meeting")
expect_timescale(b, "TM_B15_locality_meeting_1_week", { status = "pending", due = "2026-12-29" },
  "Bristol L45: Bristol's own clock (1 week, calendar days: Christmas does not move it)")
