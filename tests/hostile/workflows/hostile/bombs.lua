-- tests/hostile/workflows/hostile/bombs.lua: guards and effects that never
-- end or eat memory. The sandbox must stop them and name this file and line.
workflow "bombs" { title = "bombs", initial = "open", opened_by = "worker" }
state "open" { line = 1 }
state "done" { line = 2, terminal = true }
action "spin" { line = 3, from = "open", by = "worker",
  guards = { { line = 3, reason = "never decides", check = function()
    while true do end
  end } } }
action "bomb" { line = 4, from = "open", by = "worker",
  effect = function(case)
    local t = {}
    for i = 1, 1e9 do t[i] = string.rep("x", 4096) .. i end
  end }
action "catch" { line = 5, from = "open", by = "worker",
  effect = function(case)
    local ok = pcall(function() while true do end end)
    case.data.caught = ok
  end }
action "note" { line = 6, from = "open", by = "worker", effect = function(case) case.data.noted = true end }
action "finish" { line = 7, from = "open", by = "worker", to = "done" }
