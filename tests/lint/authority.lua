-- tests/lint/authority.lua: the roles the broken definitions below may use.
authority "lintshire" {
  name = "Lintshire", roles = { "manager", "worker" }, workflows = { "w" },
}
