workflow "w" { title = "w", initial = "open", opened_by = "manager" }
state "open" { line = 1 }
state "closed" { line = 2, terminal = true }
record "note" { line = 3, fields = { text = text { required = true } } }
timescale "t" { line = 4, within = working_days(3), from = "open", satisfied_by = "close" }
action "close" { line = 5, from = "open", by = "manager", to = "closed", requires = "note",
  guards = { { line = 6, reason = "r", check = function() return true end } } }
