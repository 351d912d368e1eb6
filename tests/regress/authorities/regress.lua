-- tests/regress/authorities/regress.lua: a made-up authority whose only job
-- is to host the engine regression fixtures in workflows/regress/ (one small
-- workflow per engine behaviour, each pinned by a scenario in scenarios/ and
-- run by tests/regress.t). Modelled on tests/reference's testshire. Every
-- `line = N` in these fixtures is a small test number and refers to no real
-- procedure document.
--
-- tests/regress.t copies this tree and adds a closure day to the calendar
-- below with sed (the calendar-change check): keep the closures on one line.
authority "regress" {
  name = "Regress Borough Council (test fixture)",
  service = "Engine regression fixtures",
  calendar = { region = "england-and-wales", closures = { "2026-12-31" } },
  teams = { "north", "south" },
  roles = { "triage_officer", "team_manager", "key_worker" },
  limits = { key_worker_children = 4, service_families = 50 },
  workflows = {
    "due_boundary", "recurring_restart", "anchor_cap", "user_fields", "extend_order",
    "breach_error", "mixed_keys", "rng_filter", "breach_order", "wrong_state",
    "applies_rearm", "calendar_change",
  },
}
