/// The sandbox, written in Lua because it is mostly table plumbing. It runs once per state,
/// before any script, with the host's `teachback` API table and a file reader for `require`,
/// strips what scripts must not reach, and returns `make_env(dir)`, a fresh environment per file,
/// and `lazy_lists(sources)`, the metatable that gives contexts their session lists on first use.
enum Prelude {
    static let name = "=teachback-sandbox"
    static let source = #"""
local api, readfile, log = ...
local load, next, type, error, tostring, setmetatable, select =
      load, next, type, error, tostring, setmetatable, select

-- Read-only views: a script may read a library but never change what other scripts see.
local function readonly(t, what)
  return setmetatable({}, {
    __index = t,
    __newindex = function(_, k) error(what .. " is read-only (cannot set '" .. tostring(k) .. "')", 2) end,
    __pairs = function() return next, t, nil end,
    __metatable = false,
  })
end

string.dump = nil
getmetatable("").__metatable = false

local gc_allowed = { count = true, collect = true, step = true }
local max_chunk = 1 << 20

-- Finalizers run with hooks off, outside any budget: a __gc could loop forever. Lua marks an
-- object for finalization only when setmetatable is called, so refusing it there is enough.
local raw_setmetatable = setmetatable
local function safe_setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then error("__gc finalizers are not allowed", 2) end
  return raw_setmetatable(t, mt)
end

local shared = {
  assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs, pcall = pcall,
  rawequal = rawequal, rawget = rawget, rawlen = rawlen, rawset = rawset, select = select,
  getmetatable = getmetatable, setmetatable = safe_setmetatable, tonumber = tonumber,
  tostring = tostring, type = type, xpcall = xpcall, _VERSION = _VERSION,
  collectgarbage = function(opt, ...)
    opt = opt or "collect"
    if not gc_allowed[opt] then error("collectgarbage('" .. tostring(opt) .. "') is not allowed", 2) end
    return collectgarbage(opt, ...)
  end,
  print = function(...)
    local parts = {}
    for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
    log(table.concat(parts, "\t"))
  end,
}
local libraries = {
  string = string, table = table, math = math, utf8 = utf8, coroutine = coroutine,
  os = { clock = os.clock, time = os.time, date = os.date }, teachback = api,
}

local function make_env(dir)
  local env, loaded = {}, {}
  -- Each file gets its own views (even rawset on one cannot reach another file's).
  local views = {}
  for name, lib in next, libraries do views[name] = readonly(lib, name) end
  -- Strict globals: reading an undefined name is an error, so typos surface at once.
  local function strict_index(_, k)
    local v = views[k]
    if v == nil then v = shared[k] end
    if v == nil then error("undefined global '" .. tostring(k) .. "'", 2) end
    return v
  end
  env._G = env
  -- The parser runs in C, out of the count hook's reach: a chunk is limited to 1 MiB, so
  -- compiling one cannot outlast a budget.
  env.load = function(chunk, name, _, e)
    if type(chunk) == "string" then
      if #chunk > max_chunk then error("load: a chunk may hold at most 1 MiB", 2) end
    elseif type(chunk) == "function" then
      local reader, total = chunk, 0
      local f, err = load(function()
        if total > max_chunk then return nil end
        local piece = reader()
        if type(piece) == "string" then total = total + #piece end
        return total <= max_chunk and piece or nil
      end, name, "t", e or env)
      if total > max_chunk then return nil, "load: a chunk may hold at most 1 MiB" end
      return f, err
    end
    return load(chunk, name, "t", e or env)
  end
  env.require = function(modname)
    if type(modname) ~= "string" or not modname:match("^[%w_]+[%w_.]*$") or modname:find("..", 1, true) then
      error("require: bad module name '" .. tostring(modname) .. "'", 2)
    end
    if loaded[modname] ~= nil then return loaded[modname] end
    local path = dir .. "/" .. modname:gsub("%.", "/") .. ".lua"
    local text = readfile(path)
    if not text then error("require: no module '" .. modname .. "' in " .. dir, 2) end
    local chunk, err = load(text, "@" .. path, "t", env)
    if not chunk then error(err, 0) end
    local result = chunk(modname)
    if result == nil then result = true end
    loaded[modname] = result
    return result
  end
  return setmetatable(env, { __index = strict_index, __metatable = false })
end

-- ctx.history, turn.history and turn.asked appear on first use, each a fresh copy of the
-- session's list as it stood for that call (`sources`, tables the host never changes once a
-- context can see them). Made eagerly, for every call, they cost each turn of a long session
-- more than the last, and most scripts never read them. `pairs(ctx)` lists them as well.
local function copy(t)
  local c = {}
  for k, v in next, t do
    if type(v) == "table" then v = copy(v) end
    c[k] = v
  end
  return c
end
local settled = setmetatable({}, { __mode = "k" })   -- per context: lists it now holds or dropped
local function settle(t, k)
  local s = settled[t]
  if not s then s = {}; settled[t] = s end
  s[k] = true
end
local function lazy_lists(sources)
  return {
    __index = function(t, k)
      local list = sources[k]
      if list == nil or (settled[t] and settled[t][k]) then return nil end
      settle(t, k)
      list = copy(list)
      rawset(t, k, list)
      return list
    end,
    __newindex = function(t, k, v)
      if sources[k] ~= nil then settle(t, k) end
      rawset(t, k, v)
    end,
    __pairs = function(t)
      for k in next, sources do local _ = t[k] end
      return next, t, nil
    end,
    __metatable = false,
  }
end

return make_env, lazy_lists
"""#
}
