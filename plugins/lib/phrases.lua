-- plugins/lib/phrases.lua: finding phrases in a text by Porter stems, shared by
-- coverage.lua and structure.lua. A plugin loads it with
-- `local phrases = require("lib.phrases")` (files under lib/ are modules, not plugins).
--
-- Words are lower-cased, a trailing 's is dropped, they are split at - _ ' and each
-- part is stemmed with teachback.stem, in the text and in the phrases alike; a
-- phrase occurs when its stems stand in the text as a run of consecutive stems.
--
--   phrases.stems(words)                  the stems of a text's words, in order
--   phrases.compile(groups)               a matcher for lists of phrases
--   phrases.scan(stems, index, ngroups)   which groups occur in the stems
--   phrases.has_number(words)             whether any word is a number
--   phrases.EXAMPLE                       phrases that introduce an example
--   phrases.DEFINITION                    phrases that define a term (means, refers to, ...)
--   phrases.opens_with_definition(text)   whether a sentence opens "X is a/an/the ..."
--   phrases.word_index(list)              phrases of lower-case words, by first word,
--                                         longest first (hedging.lua, vagueness.lua)
--   phrases.word_match(lw, i, index)      length of the longest phrase at word i, or nil
--   phrases.straight(text)                the text with curly apostrophes made straight
--   phrases.clamp(x)                      x kept within [0, 1] (a heuristic's own score arithmetic)
--   phrases.memo(fn)                      fn(word) remembered by word across calls

local M = {}

-- Phrases that introduce a concrete example: a missing one is a gap for coverage.lua,
-- one present is a strength for structure.lua.
M.EXAMPLE = {
  "example", "for instance", "e g", "such as", "say you", "let's say", "lets say",
  "suppose", "imagine you", "consider",
}

-- Phrases that define a term: structure.lua's "defines its terms", and why
-- coverage.lua does not also report "no definition of the key term".
M.DEFINITION = {
  "means", "refers to", "defined as", "definition", "stands for", "is called", "are called",
  "known as", "in other words", "i e", "that is to say", "is when", "are when", "is a way",
  "is a kind of", "is a type of", "is the process", "is basically", "are basically",
}
local PRONOUNS = {
  it = true, this = true, that = true, there = true, here = true, he = true, she = true,
  they = true, these = true, those = true, which = true, what = true, i = true, you = true,
  we = true, ["it's"] = true, ["that's"] = true,
}
local AFTER_IS = { a = true, an = true, the = true, when = true, basically = true, just = true, simply = true }

-- "A stack frame is a ...": a sentence whose first one to four words are followed
-- by is/are and a/an/the/when (not a bare pronoun: "It is a ...").
local function sentence_opens_with_definition(sentence)
  local tokens = {}
  for t in sentence:sub(1, 120):lower():gmatch("[%w'%-]+") do
    tokens[#tokens + 1] = t
    if #tokens >= 6 then break end
  end
  for k = 2, 5 do
    local t = tokens[k]
    if (t == "is" or t == "are") and AFTER_IS[tokens[k + 1] or ""] then
      return not (k == 2 and PRONOUNS[tokens[1]])
    end
  end
  return false
end

function M.opens_with_definition(text)
  local sentences = teachback.sentences(text)
  for i = 1, #sentences do
    if sentence_opens_with_definition(sentences[i]) then return true end
  end
  return false
end

-- `fn` (of one argument, never returning nil) with its results remembered across
-- calls: texts share most of their words, so per-word work is mostly done once.
-- The memory is dropped when it grows past 50,000 entries.
function M.memo(fn)
  local cache, size = {}, 0
  return function(x)
    local v = cache[x]
    if v == nil then
      v = fn(x)
      if size >= 50000 then cache, size = {}, 0 end
      cache[x], size = v, size + 1
    end
    return v
  end
end

-- The stems of one word as written: lower-cased, a trailing 's dropped, split at - _ '.
local stems_of_word = M.memo(function(word)
  local stems = {}
  local w = word:lower()
  if w:find("['%-_]") then
    w = w:gsub("'s$", ""):gsub("'$", "")
    for part in w:gmatch("[^%-_']+") do stems[#stems + 1] = teachback.stem(part) end
  else
    stems[1] = teachback.stem(w)
  end
  return stems
end)

-- The stems of `words` (a list of words as written, e.g. from teachback.words), in order.
function M.stems(words)
  local out, n = {}, 0
  for i = 1, #words do
    local s = stems_of_word(words[i])
    for j = 1, #s do n = n + 1; out[n] = s[j] end
  end
  return out
end

-- The stems of one phrase (curly apostrophes read as straight ones).
local function phrase_stems(phrase)
  local words = {}
  for word in M.straight(phrase):gmatch("[%w][%w'%-_]*") do words[#words + 1] = word end
  return M.stems(words)
end

-- A matcher over a list of groups (each a list of phrases), the groups numbered in
-- the order given: index[first stem] = {{group, stems}, ...}.
function M.compile(groups)
  local index = {}
  for g, list in ipairs(groups) do
    for _, phrase in ipairs(list) do
      local seq = phrase_stems(phrase)
      if #seq > 0 then
        local bucket = index[seq[1]]
        if not bucket then bucket = {}; index[seq[1]] = bucket end
        bucket[#bucket + 1] = { g, seq }
      end
    end
  end
  return index
end

-- found[g] = true for every group of `index` with a phrase in `stems`, in one pass;
-- given the number of groups, it stops as soon as all of them are found.
function M.scan(stems, index, ngroups)
  local found, left = {}, ngroups or math.huge
  for i = 1, #stems do
    local bucket = index[stems[i]]
    if bucket then
      for _, entry in ipairs(bucket) do
        local g, seq = entry[1], entry[2]
        if not found[g] then
          local ok = true
          for j = 2, #seq do
            if stems[i + j - 1] ~= seq[j] then ok = false; break end
          end
          if ok then
            found[g] = true
            left = left - 1
            if left == 0 then return found end
          end
        end
      end
    end
  end
  return found
end

-- Whether any of `words` starts with a digit (a number counts as a concrete example).
function M.has_number(words)
  for i = 1, #words do
    if words[i]:find("^%d") then return true end
  end
  return false
end

-- Phrases of plain lower-case words indexed by first word, longest first: for
-- wording that must match as written ("sort of"), not by stem.
function M.word_index(list)
  local index = {}
  for _, phrase in ipairs(list) do
    local seq = {}
    for w in phrase:gmatch("[^ ]+") do seq[#seq + 1] = w end
    index[seq[1]] = index[seq[1]] or {}
    table.insert(index[seq[1]], seq)
  end
  for _, bucket in pairs(index) do table.sort(bucket, function(a, b) return #a > #b end) end
  return index
end

-- Length of the longest phrase of `index` starting at lower-case word lw[i], or nil.
function M.word_match(lw, i, index)
  local bucket = index[lw[i]]
  if not bucket then return nil end   -- most words: no table made, no iterator
  for k = 1, #bucket do
    local seq, ok = bucket[k], true
    for j = 2, #seq do
      if lw[i + j - 1] ~= seq[j] then ok = false; break end
    end
    if ok then return #seq end
  end
  return nil
end

-- Curly apostrophes (as phones and word processors type them) read as straight ones.
function M.straight(text)
  if not text:find("\u{2019}", 1, true) then return text end
  return (text:gsub("\u{2019}", "'"))
end

function M.clamp(x)
  return math.max(0, math.min(1, x))
end

return M
