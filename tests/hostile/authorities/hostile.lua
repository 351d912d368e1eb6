-- tests/hostile: an authority whose workflow misbehaves on purpose, for the
-- hardening tests (runaway guards, memory bombs).
authority "hostile" {
  name = "Hostile test authority",
  roles = { "worker" },
  workflows = { "bombs" },
  demo_users = { { name = "Wendy Worker", roles = { "worker" }, token = "demo-hostile-worker" } },
}
