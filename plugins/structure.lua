-- structure.lua: strengths, the teaching moves an explanation makes, and a small
-- clarity contribution from them.
--
--   "uses a concrete example"  an example phrase (for example, e.g., for instance,
--                              such as, suppose, ...) or a number
--   "uses an analogy"          like a, just like, imagine, think of, similar to, ...
--   "explains step by step"    two different ordering words (first, second, then, next,
--                              after that, finally, step), or two numbered lines (1. 2.)
--   "defines its terms"        means, refers to, is called, known as, in other words,
--                              i.e., is when, ..., or a sentence opening "X is a/an/the ..."
--                              (X one to four words, not a bare pronoun)
-- Phrases are matched on Porter stems of the words split at - _ ' (lib/phrases.lua).
-- clarity = 0.5 + 0.125 * number of strengths (0.5 .. 1.0), only for a non-empty
-- text; the heuristic's weight is 0.5, so it nudges the average.

local phrases = require("lib.phrases")

local ANALOGY_PHRASES = {
  "like a", "like an", "just like", "is like", "are like", "it's like", "kind of like",
  "sort of like", "imagine", "think of", "think of it as", "similar to", "analogy",
  "analogous", "as if", "pretend", "the same way", "compare it to", "picture a", "picture it",
  "metaphor",
}
local STEP_GROUPS = {
  { "first", "firstly", "first of all", "to start", "start by" },
  { "second", "secondly" },
  { "third", "thirdly" },
  { "then" },
  { "next" },
  { "after that", "afterwards", "afterward" },
  { "finally", "lastly", "in the end" },
  { "step" },
}
-- Groups 1..3: example, analogy, definition; 4..: the step groups.
local INDEX
local function init()
  local groups = { phrases.EXAMPLE, ANALOGY_PHRASES, phrases.DEFINITION }
  for _, g in ipairs(STEP_GROUPS) do groups[#groups + 1] = g end
  INDEX = phrases.compile(groups)
end

teachback.heuristic {
  name = "structure",
  description = "Examples, analogies, step-by-step order and definitions",
  weight = 0.5,
  analyze = function(text, ctx)
    if type(text) ~= "string" then text = "" end
    if not INDEX then init() end
    text = phrases.straight(text)
    local words = teachback.words(text)
    if #words == 0 then return { strengths = {}, notes = { "structure: empty text" } } end
    local found = phrases.scan(phrases.stems(words), INDEX)

    local has_number = phrases.has_number(words)
    local steps = 0
    for g = 4, 3 + #STEP_GROUPS do
      if found[g] then steps = steps + 1 end
    end
    local numbered = 0
    for line in text:gmatch("[^\n]+") do
      if line:find("^%s*%d+[%.%)]%s") then numbered = numbered + 1 end
    end
    local defines = found[3] or phrases.opens_with_definition(text)

    local strengths = {}
    if found[1] or has_number then strengths[#strengths + 1] = "uses a concrete example" end
    if found[2] then strengths[#strengths + 1] = "uses an analogy" end
    if steps >= 2 or numbered >= 2 then strengths[#strengths + 1] = "explains step by step" end
    if defines then strengths[#strengths + 1] = "defines its terms" end

    return {
      strengths = strengths,
      clarity_score = 0.5 + 0.125 * #strengths,
      notes = { string.format("structure: %d of 4 (ordering words: %d, numbered lines: %d)",
        #strengths, steps, numbered) },
    }
  end,
}
