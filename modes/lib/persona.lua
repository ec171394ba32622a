-- modes/lib/persona.lua: what the student personas in modes/ share. A mode loads it
-- with `local persona = require("lib.persona")` (files under lib/ are modules, not
-- modes) and keeps only what makes it that persona: its texts, its templates and
-- the order in which it asks about what the analysis found.
--
--   persona.prompt(turn, focus)   the question request's user message
--   persona.questions(turn)       a list of candidate questions built from the
--                                 analysis; :add(...) templates, then :pick(suffixes)
--   persona.fallback(turn)        a ready offline question, for a mode without its
--                                 own: `fallback = persona.fallback`
--   persona.trim, persona.clip, persona.rotate   small text and list helpers
--
-- Templates are strings with {name} variables: {topic} and the verb forms that agree
-- with it ({does} {Does} {is} {Is} {Isnt} {doesnt} {s}), plus the item a template is
-- filled with ({gap}, {term}, ... as the persona names it) and the words that agree
-- with that item: {it} {It} {them} {that} {isg} {Isg} {doesg} {Doesg} {sg}
-- ("the base case: it is, does it matter" / "the low and high bounds: they are, do they matter").

local M = {}

-- `s` without leading and trailing white space.
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- Lower-case, single-spaced: how questions are compared.
local function norm(s) return trim((tostring(s):lower():gsub("%s+", " "))) end

-- The non-empty strings of analysis[key], trimmed; {} when absent.
local function list_of(analysis, key)
  local v = type(analysis) == "table" and analysis[key] or nil
  local out = {}
  if type(v) ~= "table" then return out end
  for _, x in ipairs(v) do
    if type(x) == "string" and x:find("%S") then out[#out + 1] = trim(x) end
  end
  return out
end

-- The turn's topic, trimmed; "this topic" when there is none.
local function topic_of(turn)
  local t = type(turn.topic) == "string" and trim(turn.topic) or ""
  return t ~= "" and t or "this topic"
end

local grammar = require("lib.grammar")
local agree, noun_phrase = grammar.agree, grammar.noun_phrase

-- Template variables for the topic ({topic} {does} {is} ...), agreeing with it.
local function topic_vars(turn) return grammar.topic_vars(topic_of(turn)) end

-- At most `max` bytes of `s`, cut on a UTF-8 character boundary.
local function clip(s, max)
  s = trim(tostring(s or ""))
  if #s <= max then return s end
  local cut = max
  while cut > 0 and ((s:byte(cut + 1) or 0) & 0xC0) == 0x80 do cut = cut - 1 end
  return s:sub(1, cut) .. "..."
end

-- `template` with each {name} replaced by vars[name] ("" when unset).
local function fill(template, vars)
  return (template:gsub("{(%w+)}", function(k) return vars[k] or "" end))
end

-- `xs` rotated so that successive turns start at successive items.
local function rotate(xs, n)
  local out, len = {}, #xs
  if len == 0 then return out end
  local start = (math.tointeger(n) or 1) - 1
  for i = 1, len do out[i] = xs[(start + i - 1) % len + 1] end
  return out
end

-- Append every template filled with every item, items and templates both rotated by turn.
local function expand(out, templates, items, key, vars, n)
  for _, item in ipairs(rotate(items, n)) do
    vars[key] = item
    agree(vars, item)
    for _, t in ipairs(rotate(templates, n)) do out[#out + 1] = fill(t, vars) end
  end
end

-- Gaps split into topic concepts ("base case") and structural kinds
-- ("no concrete example" -> "example"; also why, definition, limits).
local KINDS = {
  { "example", "example" }, { "why", "why" }, { "reason", "why" }, { "defin", "definition" },
  { "edge", "limits" }, { "limit", "limits" }, { "corner case", "limits" }, { "exception", "limits" },
}
-- Concepts in `covered` (the session's, this turn's included) are never asked about.
local function split_gaps(gaps, covered)
  local concepts, kinds, known = {}, {}, {}
  for _, c in ipairs(covered or {}) do
    if type(c) == "string" then known[norm(c)] = true end
  end
  for _, g in ipairs(gaps) do
    local l = norm(g)
    local rest = l:match("^no (.+)$") or l:match("^missing (.+)$") or l:match("^lack of (.+)$")
    local kind
    for _, kv in ipairs(KINDS) do
      if (rest or l:match("^does ?n[o']?t .+$") or l:match("^lacks .+$"))
          and l:find(kv[1], 1, true) then
        kind = kv[2]; break
      end
    end
    if kind then
      kinds[kind] = true
    elseif #g <= 60 and not known[l] and not known[rest or ""] then
      concepts[#concepts + 1] = noun_phrase(rest or g)
    end
  end
  return concepts, kinds
end

-- norm() of the questions already asked, remembered across turns (and sessions,
-- up to a bound): the list grows by one question a turn, and normalising all of
-- it again at every turn made a long session's turns ever slower.
local asked_norms, remembered = {}, 0
local function asked_norm(q)
  local n = asked_norms[q]
  if n == nil then
    if remembered >= 4096 then asked_norms, remembered = {}, 0 end
    n = norm(q)
    asked_norms[q], remembered = n, remembered + 1
  end
  return n
end

-- The first candidate not asked before (case-insensitively); failing that, the
-- first one with a distinguishing suffix.
local function pick(candidates, turn, suffixes)
  local asked = {}
  for _, q in ipairs(type(turn.asked) == "table" and turn.asked or {}) do
    if type(q) == "string" then asked[asked_norm(q)] = true end
  end
  for _, c in ipairs(candidates) do
    if not asked[norm(c)] then return c end
  end
  local base = candidates[1]
  for _, s in ipairs(rotate(suffixes, turn.number)) do
    local c = base .. " " .. s
    if not asked[norm(c)] then return c end
  end
  local k, key = 2, norm(base)   -- norm(base .. " (k)") is norm(base) .. " (k)"
  while asked[key .. " (" .. k .. ")"] do k = k + 1 end
  return string.format("%s (%d)", base, k)
end

-- The question request's user message: topic, the explanation, the analysis so
-- far, what the session covered and the questions already asked, then the
-- persona's focus. The earlier turns themselves reach Claude as the conversation
-- before this message (the engine sends them, for every persona).
function M.prompt(turn, focus)
  local a = type(turn.analysis) == "table" and turn.analysis or {}
  local lines = {}
  local function add(s) lines[#lines + 1] = s end
  add("Topic: " .. topic_of(turn))
  add("Turn: " .. tostring(turn.number or 1))
  add("")
  add("The teacher's new explanation:")
  add('"""')
  add(clip(turn.explanation, 12000))
  add('"""')
  local notes = {}
  if type(a.clarity_score) == "number" then notes[#notes + 1] = string.format("clarity %.2f", a.clarity_score) end
  if type(a.confidence_score) == "number" then notes[#notes + 1] = string.format("confidence %.2f", a.confidence_score) end
  local gaps, jargon, strengths = list_of(a, "knowledge_gaps"), list_of(a, "unexplained_jargon"), list_of(a, "strengths")
  add("")
  add("What an analysis of this explanation found (scores 0 to 1):")
  if #notes > 0 then add("- " .. table.concat(notes, ", ")) end
  add("- knowledge gaps: " .. (#gaps > 0 and table.concat(gaps, "; ") or "none found"))
  add("- unexplained jargon: " .. (#jargon > 0 and table.concat(jargon, "; ") or "none found"))
  if #strengths > 0 then add("- strengths: " .. table.concat(strengths, "; ")) end
  local last = type(turn.last_claude_analysis) == "table" and turn.last_claude_analysis or nil
  if last then
    local known, last_gaps = {}, {}
    for _, c in ipairs(list_of(turn, "covered")) do known[norm(c)] = true end
    for _, g in ipairs(list_of(last, "knowledge_gaps")) do
      if not known[norm(g)] then last_gaps[#last_gaps + 1] = g end
    end
    if #last_gaps > 0 then
      add("- a closer reading of the previous explanation found these gaps: " .. table.concat(last_gaps, "; "))
    end
  end
  local shaky = list_of(turn, "shaky")
  if #shaky > 0 then
    add("")
    add("Covered earlier, but the teacher sounded unsure (a follow-up is fine): " .. table.concat(shaky, "; "))
  end
  local unsure, covered = {}, {}
  for _, c in ipairs(shaky) do unsure[norm(c)] = true end
  for _, c in ipairs(list_of(turn, "covered")) do
    if not unsure[norm(c)] then covered[#covered + 1] = c end
  end
  if #covered > 0 then
    add("")
    add("Already covered in this lesson (do not ask about these): " .. table.concat(covered, "; "))
  end
  local open = {}
  local history = type(turn.history) == "table" and turn.history or {}
  for i = 1, #history - 1 do      -- the last question is the one this explanation answers
    local h = history[i]
    if type(h) == "table" and h.answered == false and type(h.question) == "string" and h.question ~= "" then
      open[#open + 1] = "- " .. clip(h.question, 200)
    end
  end
  if #open > 0 then
    add("")
    add("Your earlier questions the teacher has not taken up yet (you may come back to one):")
    for i = math.max(1, #open - 4), #open do add(open[i]) end
  end
  local asked = type(turn.asked) == "table" and turn.asked or {}
  if #asked > 0 then
    add("")
    add("Questions you have already asked (do not repeat or rephrase them):")
    for i = math.max(1, #asked - 11), #asked do add("- " .. clip(asked[i], 200)) end
  end
  add("")
  add(focus)
  add("Reply with exactly one short question, in character, and nothing else.")
  return table.concat(lines, "\n")
end

-- Candidate questions for an offline fallback -----------------------------

local Questions = {}
Questions.__index = Questions

-- A fresh, empty list of candidate questions for `turn`, with what the analysis
-- found: q.concepts (missing topic concepts not covered in the session, as noun
-- phrases), q.shaky (concepts covered only with low confidence), q.kinds (set of the
-- structural gaps: why, limits, definition, example), q.jargon (unexplained terms),
-- q.clarity and q.confidence (numbers or nil), q.vars (the template variables) and
-- q.number (the turn number).
function M.questions(turn)
  local a = turn.analysis
  local covered = type(turn.covered) == "table" and turn.covered or {}
  local concepts, kinds = split_gaps(list_of(a, "knowledge_gaps"), covered)
  local clarity = type(a) == "table" and a.clarity_score or nil
  local confidence = type(a) == "table" and a.confidence_score or nil
  return setmetatable({
    turn = turn,
    number = turn.number or 1,
    vars = topic_vars(turn),
    concepts = concepts,
    shaky = list_of(turn, "shaky"),
    kinds = kinds,
    jargon = list_of(a, "unexplained_jargon"),
    clarity = type(clarity) == "number" and clarity or nil,
    confidence = type(confidence) == "number" and confidence or nil,
    list = {},
  }, Questions)
end

-- Add every template filled with every item as {key}, both rotated by turn; with no
-- items, the templates once each (filled with the topic variables only).
function Questions:add(templates, items, key)
  expand(self.list, templates, items or { "" }, key or "_", self.vars, self.number)
end

-- For each structural gap kind in `order` that the analysis found, add templates[kind].
function Questions:add_kinds(templates, order)
  for _, kind in ipairs(order) do
    if self.kinds[kind] then self:add(templates[kind]) end
  end
end

-- The first candidate not asked before in this session; when all were, the first
-- with one of the persona's `suffixes` (or a number) so it still reads as new.
function Questions:pick(suffixes)
  return pick(self.list, self.turn, suffixes)
end

-- Declared terms of the topic pack (turn.terms) that the explanation used and the
-- analysis did not flag: what the student can say back in the pack's words, as
-- { term = name as written in the pack, definition = ... }.
function M.learned_terms(turn)
  local out, flagged = {}, {}
  for _, j in ipairs(list_of(turn.analysis, "unexplained_jargon")) do flagged[norm(j)] = true end
  local text = norm(turn.explanation or "")
  for _, t in ipairs(type(turn.terms) == "table" and turn.terms or {}) do
    if type(t) == "table" and type(t.name) == "string" and type(t.definition) == "string"
        and not flagged[norm(t.name)] and text:find(norm(t.name), 1, true) then
      out[#out + 1] = { term = t.name, definition = t.definition }
    end
  end
  return out
end

-- A follow-up on a concept the teacher covered but sounded unsure about.
M.SHAKY = {
  "Earlier you sounded unsure about {gap}. Could you go over {them} again, more surely?",
  "Are you confident about {gap} now? Earlier {it} sounded a bit shaky.",
}

-- The shared offline question: a missing concept, then a flagged term, then the topic;
-- never the same question twice in a session.
local SHARED = {
  gap = { "How does {gap} fit into {topic}?", "What would change in {topic} without {gap}?" },
  term = { "What does '{term}' mean, in plain words?", "Could you say '{term}' another way?" },
  general = {
    "What is the most important idea about {topic}, in one sentence?",
    "Could you walk me through one concrete case of {topic}?",
    "What {is} a common mistake people make with {topic}?",
  },
}
function M.fallback(turn)
  local q = M.questions(turn)
  q:add(SHARED.gap, q.concepts, "gap")
  q:add(SHARED.term, q.jargon, "term")
  q:add(M.SHAKY, q.shaky, "gap")
  q:add(SHARED.general)
  return q:pick({ "Tell me once more.", "Say it another way?" })
end

M.trim = trim
M.clip = clip
M.rotate = rotate

return M
