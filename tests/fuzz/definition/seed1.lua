-- tests/reference/workflows/testshire/support.lua: the linked case that
-- referral's step_up spawns.
workflow "support" {
  title = "Reference support episode",
  initial = "open",
  opened_by = { "team_manager" },
  data = { reason = text {} },
}
state "open" { line = 70 }
state "done" { line = 71, terminal = true }
timescale "first_contact" {
  line = 72, what = "First contact", within = days(5), from = "open", satisfied_by = "contact",
}
action "contact" { line = 73, from = "open", by = { "key_worker", "team_manager" }, to = "done" }
