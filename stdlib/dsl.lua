-- stdlib/dsl.lua: the definition language for workflows and authorities.
--
-- A workflow file is Lua that calls the constructors below (workflow, state,
-- action, record, timescale, and the field and duration helpers). Loading a
-- file collects what it declares; `finish` then validates the whole
-- definition and returns it as plain data (plus the guard, effect and filter
-- functions), with every problem reported as `file:line: message`.
--
-- This file runs in two places: inside the engine's sandbox (engine/script.c
-- loads it into the registration environment, passing `where`, a function
-- that reports the calling file and line), and under stock `lua5.4` through
-- stdlib/check.lua, so authors can check a file without building the engine.
-- It must therefore use nothing outside the sandbox's allowed set, and it must
-- never depend on `pairs` order (the sandbox sorts it; stock Lua does not),
-- so every list it produces is ordered by declaration.

local M = {}

local UNITS = { working_days = true, days = true, weeks = true, months = true, hours = true }
local FIELD_TYPES = {
  text = true, boolean = true, integer = true, number = true, date = true,
  datetime = true, enum = true, user = true, member = true, list = true,
}
local PER = { case = true, member = true, child = true, adult = true }
-- Facts the engine can read from outside the case and record in the event.
local FACTS = {
  assignee_cases = "open cases assigned to the worker this action assigns (or the current assignee)",
  assignee_workflow_cases = "open cases of this workflow assigned to that worker",
  assignee_children = "children in those cases (a linked case of the same worker's case is not counted twice)",
  open_cases = "open cases of this workflow in the authority",
  authority_open_cases = "open cases of every workflow in the authority",
  team_open_cases = "open cases in the assignee's team",
}
M.FACTS = FACTS
M.ANY_OPEN = "*"

-- Levenshtein distance, for "did you mean" suggestions.
local function distance(a, b)
  local la, lb = #a, #b
  if math.abs(la - lb) > 3 then return 99 end
  local prev = {}
  for j = 0, lb do prev[j] = j end
  for i = 1, la do
    local cur = { [0] = i }
    for j = 1, lb do
      local cost = (a:sub(i, i) == b:sub(j, j)) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[lb]
end

local function suggest(name, known_list)
  local best, bestd = nil, 3
  for _, k in ipairs(known_list) do
    local d = distance(name, k)
    if d < bestd then best, bestd = k, d end
  end
  if best then return " (did you mean '" .. best .. "'?)" end
  return ""
end
M.suggest = suggest

local function as_list(v)
  if v == nil then return {} end
  if type(v) == "table" then return v end
  return { v }
end

-- A collector for one file. `where(level)` returns source, line of the
-- caller `level` frames up from the function that calls it.
function M.new(where, source_name)
  local def = {
    kind = nil,
    states = {}, state_index = {},
    actions = {}, action_index = {},
    records = {}, record_index = {},
    timescales = {}, timescale_index = {},
    errors = {}, warnings = {},
  }
  local env = {}

  local function loc(line)
    return (source_name or "?") .. ":" .. tostring(line or 0)
  end
  local function err(line, msg) def.errors[#def.errors + 1] = loc(line) .. ": error: " .. msg end
  local function warn(line, msg) def.warnings[#def.warnings + 1] = loc(line) .. ": warning: " .. msg end

  -- `name { ... }` constructors: first call takes the name, second the body.
  local function named(kind, fn)
    return function(name)
      local _, line = where(2)
      if type(name) ~= "string" or not name:match("^[%a_][%w_]*$") then
        err(line, kind .. " name must be an identifier string, got " .. tostring(name))
        name = tostring(name)
      end
      return function(body)
        if type(body) ~= "table" then
          err(line, kind .. " '" .. name .. "' needs a table body")
          body = {}
        end
        fn(name, body, line)
      end
    end
  end

  -- Durations ---------------------------------------------------------------
  local function duration(unit)
    return function(n)
      return { unit = unit, n = n, _duration = true }
    end
  end
  env.working_days = duration("working_days")
  env.days = duration("days")
  env.weeks = duration("weeks")
  env.months = duration("months")
  env.hours = duration("hours")

  -- Fields -----------------------------------------------------------------
  local function field(ftype)
    return function(spec)
      spec = spec or {}
      local f = { type = ftype, _field = true }
      for k, v in pairs(spec) do
        if type(k) == "string" then f[k] = v end
      end
      if ftype == "enum" then
        f.values = {}
        for i, v in ipairs(spec) do f.values[i] = v end
      end
      return f
    end
  end
  for t in pairs(FIELD_TYPES) do env[t] = field(t) end
  env.choice = env.enum

  -- Declarations -------------------------------------------------------------
  env.workflow = named("workflow", function(name, body, line)
    if def.kind then err(line, "a file declares one workflow or one authority") end
    def.kind = "workflow"
    def.id = name
    def.line = line
    def.title = body.title or name
    def.document = body.document
    def.initial = body.initial
    def.opened_by = as_list(body.opened_by)
    def.data = body.data or {}
    def.significant_open = body.significant
    def.description = body.description
  end)

  env.state = named("state", function(name, body, line)
    if def.state_index[name] then err(line, "state '" .. name .. "' declared twice") return end
    local s = {
      name = name, line = line, title = body.title or name, terminal = body.terminal and true or false,
      cites = body.line, note = body.note, entry = body.entry and true or false,
    }
    def.states[#def.states + 1] = s
    def.state_index[name] = s
  end)

  env.record = named("record", function(name, body, line)
    if def.record_index[name] then err(line, "record '" .. name .. "' declared twice") return end
    local r = {
      name = name, line = line, cites = body.line, title = body.title or name,
      fields = body.fields or {}, by = as_list(body.by), significant = body.significant,
    }
    def.records[#def.records + 1] = r
    def.record_index[name] = r
  end)

  env.timescale = named("timescale", function(name, body, line)
    if def.timescale_index[name] then err(line, "timescale '" .. name .. "' declared twice") return end
    local t = {
      name = name, line = line, cites = body.line, what = body.what or name,
      within = body.within, every = body.every,
      from = as_list(body.from), satisfied_by = as_list(body.satisfied_by),
      applies_in = body.applies_in and as_list(body.applies_in) or nil,
      cancelled_in = as_list(body.cancelled_in), cancelled_by = as_list(body.cancelled_by),
      per = body.per or "case", applies = body.applies,
      extendable = body.extendable, on_breach = body.on_breach,
      rearm = body.rearm or "satisfied", times = body.times, note = body.note,
    }
    def.timescales[#def.timescales + 1] = t
    def.timescale_index[name] = t
  end)

  env.action = named("action", function(name, body, line)
    if def.action_index[name] then err(line, "action '" .. name .. "' declared twice") return end
    local a = {
      name = name, line = line, cites = body.line, title = body.title or name,
      from = as_list(body.from), by = as_list(body.by), input = body.input or {},
      guards = body.guards or {}, requires = as_list(body.requires), creates = body.creates,
      to = body.to, targets = body.targets and as_list(body.targets) or nil,
      assign = body.assign, set = body.set, effect = body.effect, facts = as_list(body.facts),
      start = as_list(body.start), satisfy = as_list(body.satisfy), cancel = as_list(body.cancel),
      spawn = body.spawn, significant = body.significant, note = body.note,
    }
    def.actions[#def.actions + 1] = a
    def.action_index[name] = a
  end)

  env.authority = named("authority", function(name, body, line)
    if def.kind then err(line, "a file declares one workflow or one authority") end
    def.kind = "authority"
    def.id = name
    def.line = line
    def.body = body
  end)

  -- Helpers a guard or effect may call (pure) ------------------------------
  function env.children(case)
    local out = {}
    for _, m in ipairs(case.members or {}) do
      if m.role == "child" then out[#out + 1] = m end
    end
    return out
  end
  -- Whole years between two "YYYY-MM-DD" dates.
  function env.age_years(dob, on)
    local y1, m1, d1 = dob:match("^(%d+)-(%d+)-(%d+)$")
    local y2, m2, d2 = on:match("^(%d+)-(%d+)-(%d+)$")
    if not y1 or not y2 then return nil end
    local age = tonumber(y2) - tonumber(y1)
    if tonumber(m2) * 100 + tonumber(d2) < tonumber(m1) * 100 + tonumber(d1) then age = age - 1 end
    return age
  end
  function env.has_record(case, rtype)
    return case.records ~= nil and case.records[rtype] ~= nil and #case.records[rtype] > 0
  end

  def.env = env
  return def
end

-- Validation -----------------------------------------------------------------

local function check_duration(err, line, what, d)
  if type(d) ~= "table" or not d._duration then
    err(line, what .. " must be a duration such as working_days(3), got " .. type(d))
    return false
  end
  if not UNITS[d.unit] then
    err(line, what .. ": unknown unit '" .. tostring(d.unit) .. "'")
    return false
  end
  if math.type(d.n) ~= "integer" or d.n <= 0 then
    err(line, what .. ": duration must be a positive whole number, got " .. tostring(d.n))
    return false
  end
  return true
end

-- Rough length in calendar days, only to compare a cap with its duration.
local function approx_days(d)
  local per = { working_days = 7 / 5, days = 1, weeks = 7, months = 30.4, hours = 1 / 24 }
  return d.n * per[d.unit]
end

local function check_schema(err, line, what, schema, def)
  if type(schema) ~= "table" then err(line, what .. " must be a table of fields") return end
  for k, f in pairs(schema) do
    if type(k) ~= "string" then
      err(line, what .. ": field names must be strings")
    elseif type(f) ~= "table" or not f._field then
      err(line, what .. ": field '" .. k .. "' must be a field such as text { required = true }")
    elseif not FIELD_TYPES[f.type] then
      err(line, what .. ": field '" .. k .. "' has unknown type '" .. tostring(f.type) .. "'")
    elseif f.type == "enum" and (#f.values == 0) then
      err(line, what .. ": enum field '" .. k .. "' lists no values")
    end
  end
end

function M.finish(def, roles)
  local err = function(line, msg) def.errors[#def.errors + 1] = (def.source or "?") .. ":" .. tostring(line or 0) .. ": error: " .. msg end
  local warn = function(line, msg) def.warnings[#def.warnings + 1] = (def.source or "?") .. ":" .. tostring(line or 0) .. ": warning: " .. msg end

  if def.kind == nil then
    err(1, "the file declares neither a workflow nor an authority")
    return def
  end
  if def.kind == "authority" then return M.finish_authority(def, err, warn) end

  local state_names, action_names, record_names, ts_names = {}, {}, {}, {}
  for _, s in ipairs(def.states) do state_names[#state_names + 1] = s.name end
  for _, a in ipairs(def.actions) do action_names[#action_names + 1] = a.name end
  for _, r in ipairs(def.records) do record_names[#record_names + 1] = r.name end
  for _, t in ipairs(def.timescales) do ts_names[#ts_names + 1] = t.name end
  -- Every event name a clock may name, for "did you mean" on a typo.
  local event_names = { "open" }
  for _, a in ipairs(def.actions) do event_names[#event_names + 1] = a.name end
  for _, r in ipairs(def.records) do event_names[#event_names + 1] = "record:" .. r.name end
  for _, s in ipairs(def.states) do event_names[#event_names + 1] = "enter:" .. s.name end
  local role_set
  if roles then
    role_set = {}
    for _, r in ipairs(roles) do role_set[r] = true end
  end

  local function need_state(line, what, name)
    if name ~= M.ANY_OPEN and not def.state_index[name] then
      err(line, what .. " names unknown state '" .. tostring(name) .. "'" .. suggest(tostring(name), state_names))
    end
  end
  local function need_role(line, what, r)
    if type(r) ~= "string" then err(line, what .. ": roles are strings") return end
    if r ~= "assigned" and role_set and not role_set[r] then
      err(line, what .. ": role '" .. r .. "' is not declared by the authority" .. suggest(r, roles))
    end
  end
  -- An event name: an action, "open", "record:<type>", "enter:<state>", "breach:<timescale>".
  local function need_event(line, what, ev)
    if type(ev) ~= "string" then err(line, what .. ": events are strings") return end
    if ev == "open" then return end
    local kind, rest = ev:match("^(%a+):([%w_]+)$")
    if kind == "record" then
      if not def.record_index[rest] then err(line, what .. " names unknown record '" .. rest .. "'" .. suggest(rest, record_names)) end
    elseif kind == "enter" then
      need_state(line, what, rest)
    elseif kind == "breach" then
      if not def.timescale_index[rest] then err(line, what .. " names unknown timescale '" .. rest .. "'" .. suggest(rest, ts_names)) end
    elseif kind then
      err(line, what .. ": unknown event kind '" .. kind .. "' (use record:, enter: or breach:)")
    elseif not def.action_index[ev] then
      err(line, what .. " names unknown action '" .. ev .. "'" .. suggest(ev, event_names))
    end
  end
  local function need_ts(line, what, name)
    if not def.timescale_index[name] then
      err(line, what .. " names unknown timescale '" .. tostring(name) .. "'" .. suggest(tostring(name), ts_names))
    end
  end

  if type(def.initial) ~= "string" then
    err(def.line, "workflow '" .. def.id .. "' needs initial = \"<state>\"")
  else
    need_state(def.line, "initial", def.initial)
  end
  if #def.opened_by == 0 then err(def.line, "workflow '" .. def.id .. "' needs opened_by = { roles }") end
  for _, r in ipairs(def.opened_by) do need_role(def.line, "opened_by", r) end
  check_schema(err, def.line, "workflow data", def.data, def)
  if #def.states == 0 then err(def.line, "workflow declares no states") end
  local any_terminal = false
  for _, s in ipairs(def.states) do
    if s.terminal then any_terminal = true end
    if not s.cites then warn(s.line, "state '" .. s.name .. "' cites no procedure line (line = N)") end
  end
  if not any_terminal then err(def.line, "workflow declares no terminal state") end

  for _, r in ipairs(def.records) do
    check_schema(err, r.line, "record '" .. r.name .. "'", r.fields, def)
    for _, role in ipairs(r.by) do need_role(r.line, "record '" .. r.name .. "' by", role) end
    if not r.cites then warn(r.line, "record '" .. r.name .. "' cites no procedure line") end
  end

  for _, a in ipairs(def.actions) do
    local what = "action '" .. a.name .. "'"
    if #a.from == 0 then err(a.line, what .. " needs from = { states }") end
    for _, s in ipairs(a.from) do need_state(a.line, what .. " from", s) end
    if #a.by == 0 then err(a.line, what .. " needs by = { roles } (no one may take it)") end
    for _, r in ipairs(a.by) do need_role(a.line, what .. " by", r) end
    check_schema(err, a.line, what .. " input", a.input, def)
    if type(a.to) == "string" then
      need_state(a.line, what .. " to", a.to)
    elseif type(a.to) == "function" then
      if not a.targets or #a.targets == 0 then
        err(a.line, what .. ": a computed target (to = function) must list its possible targets = { states }")
      end
    elseif a.to ~= nil then
      err(a.line, what .. ": to must be a state name or a function")
    end
    for _, s in ipairs(a.targets or {}) do need_state(a.line, what .. " targets", s) end
    if type(a.guards) ~= "table" then err(a.line, what .. ": guards must be a list") a.guards = {} end
    for i, g in ipairs(a.guards) do
      if type(g) ~= "table" or type(g.check) ~= "function" then
        err(a.line, what .. ": guard " .. i .. " is not a function (guards = { { reason = ..., line = N, check = function(case, input, facts) ... end } })")
      else
        if type(g.reason) ~= "string" then err(a.line, what .. ": guard " .. i .. " needs a reason (shown when it refuses)") end
        if not g.line then warn(a.line, what .. ": guard " .. i .. " cites no procedure line") end
      end
    end
    for _, r in ipairs(a.requires) do
      if not def.record_index[r] then err(a.line, what .. " requires record '" .. r .. "' which is never defined" .. suggest(r, record_names)) end
    end
    if a.creates ~= nil and not def.record_index[a.creates] then
      err(a.line, what .. " creates record '" .. tostring(a.creates) .. "' which is never defined" .. suggest(tostring(a.creates), record_names))
    end
    if a.assign ~= nil then
      local f = a.input[a.assign]
      if not f or f.type ~= "user" then err(a.line, what .. ": assign = '" .. tostring(a.assign) .. "' must name a user field of its input") end
    end
    if a.effect ~= nil and type(a.effect) ~= "function" then err(a.line, what .. ": effect must be a function(case, input, facts)") end
    if a.set ~= nil and type(a.set) ~= "table" then err(a.line, what .. ": set must be a table of data values") end
    for _, f in ipairs(a.facts) do
      if not FACTS[f] then
        local names = {}
        for k in pairs(FACTS) do names[#names + 1] = k end
        err(a.line, what .. ": unknown fact '" .. tostring(f) .. "'" .. suggest(tostring(f), names))
      end
    end
    for _, t in ipairs(a.start) do need_ts(a.line, what .. " start", t) end
    for _, t in ipairs(a.satisfy) do need_ts(a.line, what .. " satisfy", t) end
    for _, t in ipairs(a.cancel) do need_ts(a.line, what .. " cancel", t) end
    if a.spawn ~= nil then
      if type(a.spawn) ~= "table" or type(a.spawn.workflow) ~= "string" then
        err(a.line, what .. ": spawn = { workflow = \"<id>\", data = function(case, input) ... end }")
      end
    end
    if not a.cites then warn(a.line, what .. " cites no procedure line") end
  end

  for _, t in ipairs(def.timescales) do
    local what = "timescale '" .. t.name .. "'"
    if (t.within == nil) == (t.every == nil) then
      err(t.line, what .. " needs exactly one of within = <duration> or every = <duration>")
    else
      check_duration(err, t.line, what, t.within or t.every)
    end
    if #t.from == 0 then err(t.line, what .. " needs from = { events } (what starts the clock)") end
    for _, e in ipairs(t.from) do need_event(t.line, what .. " from", e) end
    if #t.satisfied_by == 0 then err(t.line, what .. ": nothing satisfies it (satisfied_by = { events })") end
    for _, e in ipairs(t.satisfied_by) do need_event(t.line, what .. " satisfied_by", e) end
    for _, e in ipairs(t.cancelled_by) do need_event(t.line, what .. " cancelled_by", e) end
    for _, s in ipairs(t.cancelled_in) do need_state(t.line, what .. " cancelled_in", s) end
    for _, s in ipairs(t.applies_in or {}) do need_state(t.line, what .. " applies_in", s) end
    if not PER[t.per] then err(t.line, what .. ": per must be case, member, child or adult") end
    if t.applies ~= nil and type(t.applies) ~= "function" then err(t.line, what .. ": applies must be a function(member, on)") end
    if t.rearm ~= "satisfied" and t.rearm ~= "anchor" then err(t.line, what .. ": rearm must be 'satisfied' or 'anchor'") end
    if t.times ~= nil and (math.type(t.times) ~= "integer" or t.times < 1) then err(t.line, what .. ": times must be a positive whole number") end
    if t.extendable ~= nil then
      local x = t.extendable
      if type(x) ~= "table" then
        err(t.line, what .. ": extendable = { by = { roles }, cap = <duration> }")
      else
        if #as_list(x.by) == 0 then err(t.line, what .. ": extendable needs by = { roles }") end
        for _, r in ipairs(as_list(x.by)) do need_role(t.line, what .. " extendable by", r) end
        if x.cap == nil then
          err(t.line, what .. ": extendable needs cap = <duration>")
        elseif check_duration(err, t.line, what .. " cap", x.cap) then
          local base = t.within or t.every
          if base and base._duration and UNITS[base.unit] and approx_days(x.cap) < approx_days(base) then
            err(t.line, what .. ": extension cap is shorter than the timescale itself")
          end
        end
      end
    end
    if t.on_breach ~= nil then
      local b = t.on_breach
      if type(b) ~= "table" then
        err(t.line, what .. ": on_breach = { to = \"<state>\", effect = function(case) ... end }")
      else
        if b.to ~= nil then need_state(t.line, what .. " on_breach to", b.to) end
        if b.effect ~= nil and type(b.effect) ~= "function" then err(t.line, what .. ": on_breach effect must be a function") end
      end
    end
    if not t.cites then warn(t.line, what .. " cites no procedure line (line = N)") end
  end

  -- Reachability: every state reachable from initial; every non-terminal state has a way out.
  local reach = {}
  local function targets_of(a)
    local out = {}
    if type(a.to) == "string" then out[#out + 1] = a.to end
    for _, s in ipairs(a.targets or {}) do out[#out + 1] = s end
    return out
  end
  local extra_targets = {}
  for _, t in ipairs(def.timescales) do
    if type(t.on_breach) == "table" and type(t.on_breach.to) == "string" then
      extra_targets[#extra_targets + 1] = t.on_breach.to
    end
  end
  if def.initial and def.state_index[def.initial] then
    local queue = { def.initial }
    reach[def.initial] = true
    for _, s in ipairs(def.states) do
      if s.entry and not reach[s.name] then
        reach[s.name] = true
        queue[#queue + 1] = s.name
      end
    end
    local i = 1
    while i <= #queue do
      local s = queue[i]
      i = i + 1
      local nexts = {}
      for _, a in ipairs(def.actions) do
        for _, f in ipairs(a.from) do
          if f == s or (f == M.ANY_OPEN and not def.state_index[s].terminal) then
            for _, tgt in ipairs(targets_of(a)) do nexts[#nexts + 1] = tgt end
          end
        end
      end
      if not def.state_index[s].terminal then
        for _, tgt in ipairs(extra_targets) do nexts[#nexts + 1] = tgt end
      end
      for _, tgt in ipairs(nexts) do
        if def.state_index[tgt] and not reach[tgt] then
          reach[tgt] = true
          queue[#queue + 1] = tgt
        end
      end
    end
    for _, s in ipairs(def.states) do
      if not reach[s.name] then
        err(s.line, "state '" .. s.name .. "' is not reachable from '" .. def.initial .. "'")
      end
    end
  end
  for _, s in ipairs(def.states) do
    if not s.terminal then
      local out = false
      for _, a in ipairs(def.actions) do
        for _, f in ipairs(a.from) do
          if (f == s.name or f == M.ANY_OPEN) and #targets_of(a) > 0 then out = true end
        end
      end
      if not out then err(s.line, "non-terminal state '" .. s.name .. "' has no way out") end
    end
  end
  return def
end

function M.finish_authority(def, err, warn)
  local b = def.body
  local line = def.line
  if type(b.name) ~= "string" then err(line, "authority needs name = \"...\"") end
  if type(b.roles) ~= "table" or #b.roles == 0 then err(line, "authority needs roles = { ... }") end
  if type(b.workflows) ~= "table" or #b.workflows == 0 then err(line, "authority needs workflows = { ... }") end
  local cal = b.calendar or {}
  if cal.region ~= nil and cal.region ~= "england-and-wales" then
    err(line, "calendar region must be 'england-and-wales' (the only one the engine computes)")
  end
  for _, d in ipairs(cal.closures or {}) do
    if type(d) ~= "string" or not d:match("^%d%d%d%d%-%d%d%-%d%d$") then
      err(line, "calendar closure '" .. tostring(d) .. "' is not a YYYY-MM-DD date")
    end
  end
  -- the engine records these with every event (engine/interp.c as_recorded): bounded
  if #(cal.closures or {}) > 2000 then err(line, "calendar declares more than 2000 closure days") end
  if #(b.teams or {}) > 500 then err(line, "more than 500 teams") end
  local role_set = {}
  for _, r in ipairs(b.roles or {}) do role_set[r] = true end
  local team_set = {}
  for _, t in ipairs(b.teams or {}) do team_set[t] = true end
  for i, u in ipairs(b.demo_users or {}) do
    if type(u.name) ~= "string" or type(u.roles) ~= "table" or type(u.token) ~= "string" then
      err(line, "demo user " .. i .. " needs name, roles = { ... } and token")
    else
      for _, r in ipairs(u.roles) do
        if not role_set[r] then err(line, "demo user '" .. u.name .. "' has undeclared role '" .. r .. "'" .. suggest(r, b.roles)) end
      end
      if u.team and not team_set[u.team] then err(line, "demo user '" .. u.name .. "' has undeclared team '" .. u.team .. "'") end
    end
  end
  if b.limits ~= nil and type(b.limits) ~= "table" then err(line, "limits must be a table of numbers") end
  -- transfers = { out_by = { roles }, receive = { workflow = "w", state = "s", line = N } }:
  -- who may move a family to another authority, and where families moving in are received.
  if b.transfers ~= nil then
    local t = b.transfers
    if type(t) ~= "table" then
      err(line, "transfers = { out_by = { roles }, receive = { workflow = ..., state = ... } }")
    else
      for _, r in ipairs(as_list(t.out_by)) do
        if not role_set[r] then err(line, "transfers out_by: role '" .. tostring(r) .. "' is not declared" .. suggest(tostring(r), b.roles or {})) end
      end
      if t.receive ~= nil then
        local wf_set = {}
        for _, w in ipairs(b.workflows or {}) do wf_set[w] = true end
        if type(t.receive) ~= "table" or not wf_set[t.receive.workflow] or type(t.receive.state) ~= "string" then
          err(line, "transfers receive needs workflow (one of this authority's workflows) and state")
        end
      end
    end
  end
  return def
end

return M
