-- hedging.lua: confidence_score from hedges ("I think", "maybe") and boosters
-- ("definitely", "in fact"), counted per sentence.
--
-- confidence = 0.7 - 0.4 * min(hedges / sentences, 1) + 0.2 * min(boosters / sentences, 1)
--              + 0.1 (no hedge at all: a committed text) + 0.1 * min(precise / sentences, 1)
-- clamped to 0..1; sentences = max(1, #teachback.sentences(text)); precise words are
-- numbers and words outside the common-word list (log2, midpoint, TCP). So an
-- assertive text with specifics scores 0.9 or more, a hedge in every sentence 0.4 or less.
-- An empty text (no words) scores 0.
-- Matching is on lower-cased words, longest phrase first, and a match is not
-- counted again inside a longer one. "kind of"/"sort of" after a determiner
-- ("a kind of tree") is not a hedge; a booster after "not" ("not always") is not
-- a booster.

local HEDGES = {
  "i think", "i guess", "i believe", "i suppose", "i feel like",
  "maybe", "perhaps", "probably", "possibly", "presumably", "apparently",
  "kind of", "sort of", "not sure", "not certain", "might", "could be",
  "somewhat", "roughly", "more or less", "or something",
  "it seems", "seems to", "seem to",
  "as far as i know", "if i remember correctly", "if i'm not mistaken",
}

local BOOSTERS = {
  "definitely", "always", "clearly", "certainly", "in fact",
  "of course", "obviously", "undoubtedly", "without a doubt", "absolutely", "for sure",
}

local DETERMINERS = {
  a = true, an = true, the = true, this = true, that = true, these = true, those = true,
  what = true, which = true, any = true, some = true, every = true, each = true, one = true,
  same = true, another = true, different = true, no = true, all = true, other = true,
}

local phrases = require("lib.phrases")
local HEDGE_INDEX = phrases.word_index(HEDGES)
local BOOSTER_INDEX = phrases.word_index(BOOSTERS)
-- A number, or an uncommon word of letters: something specific.
local is_precise = phrases.memo(function(w)
  return w:find("%d") ~= nil or (#w > 2 and w:find("^%a+$") ~= nil and not teachback.is_common(w))
end)


teachback.heuristic {
  name = "hedging",
  description = "Confidence from hedging and boosting phrases per sentence",
  weight = 1.0,
  analyze = function(text, ctx)
    if type(text) ~= "string" then text = "" end
    text = phrases.straight(text)
    local words = teachback.words(text)
    if #words == 0 then
      return { confidence_score = 0, notes = { "hedging: empty text" } }
    end
    local lw = {}
    for i = 1, #words do lw[i] = words[i]:lower() end
    local sentences = math.max(1, #teachback.sentences(text))

    local hedges, boosters = 0, 0
    local seen = {}      -- phrases found, in order, for the notes
    local i = 1
    while i <= #lw do
      local n = phrases.word_match(lw, i, HEDGE_INDEX)
      if n and (lw[i + 1] == "of") and DETERMINERS[lw[i - 1] or ""] then
        n = nil          -- "a kind of", "this sort of": not a hedge
      end
      if n then
        hedges = hedges + 1
        seen[#seen + 1] = table.concat(lw, " ", i, i + n - 1)
        i = i + n
      else
        n = phrases.word_match(lw, i, BOOSTER_INDEX)
        if n and lw[i - 1] ~= "not" then
          boosters = boosters + 1
          seen[#seen + 1] = "+" .. table.concat(lw, " ", i, i + n - 1)
          i = i + n
        else
          i = i + 1
        end
      end
    end

    local precise = 0
    for k = 1, #lw do
      if is_precise(lw[k]) then
        precise = precise + 1
      end
    end
    local score = 0.7 - 0.4 * math.min(hedges / sentences, 1) + 0.2 * math.min(boosters / sentences, 1)
      + (hedges == 0 and 0.1 or 0) + 0.1 * math.min(precise / sentences, 1)
    local notes = { string.format("hedging: %d hedges, %d boosters, %d precise words in %d sentences",
      hedges, boosters, precise, sentences) }
    if #seen > 0 then
      local shown = {}
      for k = 1, math.min(#seen, 10) do shown[k] = seen[k] end
      notes[2] = "hedging: " .. table.concat(shown, ", ") .. (#seen > 10 and ", ..." or "")
    end
    return { confidence_score = phrases.clamp(score), notes = notes }
  end,
}
