-- readability.lua: clarity_score from Flesch Reading Ease and sentence length.
--
--   ASL = words / sentences, ASW = syllables / words   (sentences = max(1, #sentences))
--   FRE = 206.835 - 1.015 * ASL - 84.6 * ASW          (Flesch Reading Ease)
--   FK  = 0.39 * ASL + 11.8 * ASW - 15.59             (Flesch-Kincaid grade)
--   clarity = 0.7 * clamp((FRE - 10) / 60) + 0.3 * clamp((40 - ASL) / 20)
-- FRE 70 or more (plain English) earns the whole first part, 10 or less none of it;
-- sentences of 20 words or fewer on average earn the whole second part, 40 or more
-- none. An empty text (no words) scores 0.
local phrases = require("lib.phrases")

-- Syllables by lower-cased word, cached across calls (dropped past 50,000 words).
local syllable_cache, cache_size = {}, 0

teachback.heuristic {
  name = "readability",
  description = "Clarity from Flesch Reading Ease and average sentence length",
  weight = 1.0,
  analyze = function(text, ctx)
    if type(text) ~= "string" then text = "" end
    local words = teachback.words(text)
    local nwords = #words
    if nwords == 0 then
      return { clarity_score = 0, notes = { "readability: empty text" } }
    end
    local nsentences = math.max(1, #teachback.sentences(text))

    local syllables = 0
    for i = 1, nwords do
      local w = words[i]
      local n = syllable_cache[w]
      if not n then
        n = teachback.syllables(w)
        if cache_size >= 50000 then syllable_cache, cache_size = {}, 0 end
        syllable_cache[w] = n
        cache_size = cache_size + 1
      end
      syllables = syllables + n
    end

    local asl = nwords / nsentences
    local asw = syllables / nwords
    local fre = 206.835 - 1.015 * asl - 84.6 * asw
    local fk = 0.39 * asl + 11.8 * asw - 15.59
    local clarity = 0.7 * phrases.clamp((fre - 10) / 60) + 0.3 * phrases.clamp((40 - asl) / 20)

    return {
      clarity_score = clarity,
      notes = {
        string.format("flesch_reading_ease: %.1f", fre),
        string.format("flesch_kincaid_grade: %.1f", fk),
        string.format("readability: %d words, %d sentences, %d syllables, %.1f words/sentence",
          nwords, nsentences, syllables, asl),
      },
    }
  end,
}
