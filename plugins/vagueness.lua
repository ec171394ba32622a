-- vagueness.lua: clarity_score lowered by vague wording, which reads easily (short
-- common words) but says little: "it sort of stops at some point, and stuff".
--
-- Counted per sentence (sentences = max(1, #teachback.sentences(text))):
--   v = vague phrases: vague referents and quantifiers ("stuff", "things", "something",
--       "somehow", "some point", "whatever", "or so", "a bit", ...) and fillers
--       ("sort of", "kind of" not after a determiner, "basically", "more or less",
--       "pretty much", ...), plus half a point per hedge ("I think", "maybe", ...)
--   e = content-free sentences: no number, no word outside the common-word list, no
--       word of the topic, and at least one vague phrase
-- clarity = max(0.05, 0.95 - 0.3 * min(v / sentences, 3) - 0.3 * e / sentences)
-- so a plain, specific text scores 0.95 and a vague sentence 0.35 or less. The
-- weight is 1.5: readability rates vague text easy to read, and this outweighs it.

local phrases = require("lib.phrases")

local VAGUE = {
  "stuff", "things", "thing", "something", "somehow", "somewhere", "someone", "some point",
  "some way", "some kind", "some sort", "whatever", "or whatever", "or something", "or so",
  "and so on", "and stuff", "and things", "a bit", "a little bit", "sort of", "kind of",
  "basically", "more or less", "pretty much", "pretty", "in a way", "in some way", "like that",
  "etc", "whatnot", "at some point", "somewhat", "ish", "all that", "that kind of", "and all",
  "works out",
}
local HEDGES = {
  "i think", "i guess", "i believe", "i suppose", "maybe", "perhaps", "probably", "possibly",
  "might", "not sure", "could be", "seems",
}
local DETERMINERS = { a = true, an = true, the = true, this = true, that = true, what = true, which = true, any = true }

local VAGUE_INDEX, HEDGE_INDEX = phrases.word_index(VAGUE), phrases.word_index(HEDGES)

-- Whether a lower-cased word is specific on its own (a number or an uncommon word),
-- and its stem, for topic words.
local is_specific = phrases.memo(function(w) return w:find("%d") ~= nil or (#w > 2 and not teachback.is_common(w)) end)
local stem_of = phrases.memo(teachback.stem)

-- Vague points (hedges half) and whether the sentence says anything specific.
local function judge(sentence, topic_words)
  local words = teachback.words(sentence)
  local lw, specific = {}, false
  for i = 1, #words do
    local w = words[i]:lower()
    lw[i] = w
    if not specific then
      specific = is_specific(w) or topic_words[w] or topic_words[stem_of(w)] or false
    end
  end
  local points, i = 0, 1
  while i <= #lw do
    local n = phrases.word_match(lw, i, VAGUE_INDEX)
    if n and lw[i + 1] == "of" and DETERMINERS[lw[i - 1] or ""] then n = nil end   -- "a kind of tree"
    if n then
      points = points + 1
      i = i + n
    else
      n = phrases.word_match(lw, i, HEDGE_INDEX)
      if n then points = points + 0.5; i = i + n else i = i + 1 end
    end
  end
  return points, #words > 0 and not specific and points > 0
end

teachback.heuristic {
  name = "vagueness",
  description = "Vague referents, fillers and content-free sentences lower clarity",
  weight = 1.5,
  analyze = function(text, ctx)
    if type(text) ~= "string" then text = "" end
    text = phrases.straight(text)
    local sentences = teachback.sentences(text)
    if #teachback.words(text) == 0 then return { notes = { "vagueness: empty text" } } end
    local topic_words = {}
    for w in tostring(ctx and ctx.topic or ""):lower():gmatch("[%w]+") do
      topic_words[w] = true
      topic_words[teachback.stem(w)] = true
    end
    local n = math.max(1, #sentences)
    local v, empty = 0, 0
    for _, s in ipairs(#sentences > 0 and sentences or { text }) do
      local points, content_free = judge(s, topic_words)
      v = v + points
      if content_free then empty = empty + 1 end
    end
    local clarity = math.max(0.05, 0.95 - 0.3 * math.min(v / n, 3) - 0.3 * empty / n)
    return {
      clarity_score = clarity,
      notes = { string.format("vagueness: %.1f vague points, %d content-free of %d sentences", v, empty, n) },
    }
  end,
}
