-- modes/lib/grammar.lua: the words of a persona's question that must agree with
-- what it is about, so questions read as a person would write them (lib/persona.lua
-- fills templates with these). `local grammar = require("lib.grammar")`.
--
--   grammar.topic_vars(topic)      {topic} and verbs agreeing with it ({does} {is} ...)
--   grammar.agree(vars, item)      sets {it} {them} {that} {isg} {doesg} {sg} for item
--   grammar.noun_phrase(gap)       "the base case", "infinite recursion", "the low and high bounds"
--   grammar.is_plural(phrase)      by its head noun ("comparison with the target": no)

local M = {}

-- Template variables for the topic, with verbs that agree with it:
-- {topic} {does} {Does} {is} {Is} {Isnt} {doesnt} {s} ("hash tables" is plural).
function M.topic_vars(topic)
  local last = topic:lower():match("(%a+)$") or ""
  local plural = last:find("s$") ~= nil and not (last:find("ss$") or last:find("us$")
    or last:find("is$") or last:find("ics$"))
  if plural then
    return { topic = topic, does = "do", Does = "Do", is = "are", Is = "Are", Isnt = "Aren't",
             doesnt = "don't", s = "" }
  end
  return { topic = topic, does = "does", Does = "Does", is = "is", Is = "Is", Isnt = "Isn't",
           doesnt = "doesn't", s = "s" }
end

-- A gap as a noun phrase: "the base case", but "infinite recursion", "collisions".
local BARE = {
  time = true, water = true, energy = true, oxygen = true, dioxide = true, glucose = true,
  chlorophyll = true, friction = true, inertia = true, equilibrium = true, heat = true,
  light = true, memory = true, space = true, data = true, information = true,
}
local COUNTABLE = {
  ["function"] = true, question = true, section = true, equation = true, condition = true,
  operation = true, position = true, station = true, relation = true, definition = true,
}
-- Whether a concept reads as plural: "low and high bounds", "collisions", "local
-- minima"; the head noun comes before of/with/in/for ("comparison with the target").
local IRREGULAR_PLURALS = { minima = true, maxima = true, data = true, criteria = true, phenomena = true,
                            bacteria = true, people = true, children = true, stomata = true }
function M.is_plural(phrase)
  local l = tostring(phrase):lower():gsub("^the ", "")
  if l:find("^%S+ing ") then return false end                 -- "halving the range"
  if l:find(" and ") then return true end
  local head = l:match("^(.-)%s+of%s") or l:match("^(.-)%s+with%s") or l:match("^(.-)%s+in%s")
    or l:match("^(.-)%s+for%s") or l
  local last = head:match("([%a%-]+)%W*$") or ""
  if IRREGULAR_PLURALS[last] then return true end
  return last:find("s$") ~= nil and not (last:find("ss$") or last:find("us$") or last:find("is$")
    or last:find("ics$"))
end

-- The words that agree with `item` ({it} {isg} ...), set in `vars`.
function M.agree(vars, item)
  local p = M.is_plural(item)
  vars.it, vars.It, vars.them, vars.that = p and "they" or "it", p and "They" or "It", p and "them" or "it", p and "those" or "that"
  vars.isg, vars.Isg, vars.doesg, vars.Doesg = p and "are" or "is", p and "Are" or "Is", p and "do" or "does", p and "Do" or "Does"
  vars.sg = p and "" or "s"
end

function M.noun_phrase(gap)
  local l = gap:lower()
  local first, last = l:match("^(%S+)"), l:match("([%a%-]+)%W*$") or ""
  if not first or first == "the" or first == "a" or first == "an" or first:find("ing$")
      or first:find("^wh") or first == "how" or l:find("[=%d]") then
    return gap
  end
  if ((last:find("s$") and not last:find("ss$")) or last:find("ing$") or last:find("ia$")
      or last:find("tion$") or last:find("sion$") or last:find("ment$") or last:find("ance$")
      or last:find("ence$") or last:find("ity$") or BARE[last]) and not COUNTABLE[last] then
    -- A plural of several words reads with its article: "the low and high bounds".
    if l:find(" ") and M.is_plural(l) then return "the " .. gap end
    return gap
  end
  return "the " .. gap
end

return M
