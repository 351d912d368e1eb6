-- tests/reference/authorities/testshire.lua: a made-up authority for the
-- reference workflow. Lines cited as L<n> below refer to an imaginary
-- procedure; the five real authorities cite ../shared/seeds/.
authority "testshire" {
  name = "Testshire County Council",
  service = "Reference Early Help Service",
  calendar = { region = "england-and-wales", closures = { "2026-12-31" } },
  teams = { "north", "south" },
  roles = { "triage_officer", "team_manager", "key_worker", "auditor", "panel" },
  limits = { key_worker_children = 4, service_families = 50 },
  workflows = { "referral", "support" },
  demo_users = {
    { name = "Tina Triage", roles = { "triage_officer" }, team = "north", token = "demo-testshire-triage" },
    { name = "Mo Manager", roles = { "team_manager" }, team = "north", token = "demo-testshire-manager" },
    { name = "Kit Worker", roles = { "key_worker" }, team = "north", token = "demo-testshire-kw" },
  },
}
