-- coverage.lua: knowledge_gaps, what a good explanation of the topic leaves out.
--
-- Known topic (ctx.concepts from a topic pack): a concept is covered when any of
-- its `match` phrases occurs in the text as a run of consecutive Porter stems;
-- each uncovered concept's name is a gap, in the pack's order.
-- Unknown topic (ctx.concepts nil or empty): structural gaps, in this order:
--   "no concrete example"            no example phrase and no number
--   "no definition of the key term"  no "<topic word> is/are/means/refers ...",
--                                    "called/named <topic word>", "known as <topic word>"
--                                    (no topic: no "is a", "is an", "means", "refers to", ...)
--   "no explanation of why"          no because/since/so that/the reason/...
--   "no limits or edge cases"        no except/unless/edge case/fails/however/...
-- Words are split at - _ ' (a trailing 's is dropped first) and stemmed with
-- teachback.stem, in the text and in the phrases alike.

-- Keep EXAMPLE_PHRASES in step with structure.lua.
local EXAMPLE_PHRASES = {
  "example", "for instance", "e g", "such as", "say you", "let's say", "lets say",
  "suppose", "imagine you", "consider",
}
local WHY_PHRASES = {
  "because", "since", "so that", "in order to", "the reason", "reason", "why", "purpose",
  "therefore", "thus", "hence", "which means", "this means", "that means", "that's why",
  "so we", "so you", "so it", "so the", "so that's", "allows", "lets us", "lets you",
  "enables", "the point", "the idea is", "that way", "otherwise",
}
local LIMIT_PHRASES = {
  "edge case", "corner case", "special case", "limit", "limitation", "except", "exception",
  "unless", "however", "only works", "only if", "only when", "doesn't work", "does not work",
  "won't work", "can't be", "cannot", "fails", "failure", "it breaks", "will break", "can break",
  "breaks if", "breaks when", "breaks down", "careful", "watch out", "drawback", "downside",
  "caveat", "trade-off", "tradeoff", "pitfall", "mistake", "gotcha",
  "what if", "worst case", "what happens if", "what happens when", "be aware", "not always",
}
local GENERIC_DEFINITION_PHRASES = {
  "is a", "is an", "is when", "are a", "are when", "means", "refers to", "defined as",
  "stands for", "is called", "are called", "known as",
}
local DEFINING_VERBS = { "is", "are", "means", "refers", "describes", "involves", "stands", "defined" }
local TOPIC_STOPWORDS = {
  the = true, a = true, an = true, of = true, ["and"] = true, ["or"] = true, ["in"] = true,
  to = true, how = true, what = true, ["for"] = true, on = true, with = true,
}

-- Stems of each word as written, cached across calls (texts reuse most words;
-- the cache is dropped when it grows past 50,000 words).
local word_stems, cache_size = {}, 0

-- The stems of one word as written: lower-cased, a trailing 's dropped, split at - _ '.
local function stems_of_word(word)
  local cached = word_stems[word]
  if cached then return cached end
  cached = {}
  local w = word:lower()
  if w:find("['%-_]") then
    w = w:gsub("'s$", ""):gsub("'$", "")
    for part in w:gmatch("[^%-_']+") do cached[#cached + 1] = teachback.stem(part) end
  else
    cached[1] = teachback.stem(w)
  end
  if cache_size >= 50000 then word_stems, cache_size = {}, 0 end
  word_stems[word] = cached
  cache_size = cache_size + 1
  return cached
end

-- Append the stems of one word as written to `out` (n items so far); returns the new n.
local function add_stems(word, out, n)
  local s = stems_of_word(word)
  for j = 1, #s do n = n + 1; out[n] = s[j] end
  return n
end

local function phrase_stems(phrase)
  local out = {}
  local n = 0
  for word in phrase:gsub("\u{2019}", "'"):gmatch("[%w][%w'%-_]*") do n = add_stems(word, out, n) end
  return out
end

-- A matcher over a list of groups (each a list of phrases): index[first stem] = {{group, seq}}.
local function compile(groups)
  local index = {}
  for g, phrases in ipairs(groups) do
    for _, phrase in ipairs(phrases) do
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

-- found[g] = true for every group with a phrase in `stems`; one pass, stops early.
local function scan(stems, index, ngroups)
  local found, left = {}, ngroups
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

-- Compiled topic packs, by the concepts table (the host may pass the same one each turn).
local compiled_packs = setmetatable({}, { __mode = "k" })

-- Built on first use (stems come from the host's stemmer).
local STRUCTURAL, DEFINING, CALLED, NAMED, KNOWN
local function init()
  STRUCTURAL = compile({ EXAMPLE_PHRASES, WHY_PHRASES, LIMIT_PHRASES, GENERIC_DEFINITION_PHRASES })
  DEFINING = {}
  for _, w in ipairs(DEFINING_VERBS) do DEFINING[teachback.stem(w)] = true end
  CALLED, NAMED, KNOWN = teachback.stem("called"), teachback.stem("named"), teachback.stem("known")
end

-- Whether the text defines one of the topic's words.
local function defines_topic(stems, topic_stems)
  for i = 1, #stems do
    if topic_stems[stems[i]] then
      if DEFINING[stems[i + 1] or ""] then return true end
      local prev = stems[i - 1]
      if prev == CALLED or prev == NAMED or (prev == "as" and stems[i - 2] == KNOWN) then
        return true
      end
    end
  end
  return false
end

teachback.heuristic {
  name = "coverage",
  description = "Concepts of the topic (or parts of a good explanation) left out",
  weight = 1.0,
  analyze = function(text, ctx)
    if type(text) ~= "string" then text = "" end
    text = text:gsub("\u{2019}", "'")
    local words = teachback.words(text)
    local stems = {}
    local n = 0
    for i = 1, #words do n = add_stems(words[i], stems, n) end
    local concepts = ctx and ctx.concepts

    if type(concepts) == "table" and #concepts > 0 then
      local index = compiled_packs[concepts]
      if not index then
        local groups = {}
        for i, c in ipairs(concepts) do groups[i] = type(c.match) == "table" and c.match or { c.name } end
        index = compile(groups)
        compiled_packs[concepts] = index
      end
      local found = scan(stems, index, #concepts)
      local gaps = {}
      for i, c in ipairs(concepts) do
        if not found[i] then gaps[#gaps + 1] = c.name end
      end
      return {
        knowledge_gaps = gaps,
        notes = { string.format("coverage: %d of %d concepts covered", #concepts - #gaps, #concepts) },
      }
    end

    if not STRUCTURAL then init() end
    local found = scan(stems, STRUCTURAL, 4)
    local has_number = false
    for i = 1, #words do
      if words[i]:find("^%d") then has_number = true; break end
    end

    local topic_stems, any_topic = {}, false
    for w in tostring(ctx and ctx.topic or ""):lower():gmatch("[%w]+") do
      if not TOPIC_STOPWORDS[w] then topic_stems[teachback.stem(w)] = true; any_topic = true end
    end
    local defined
    if any_topic then defined = defines_topic(stems, topic_stems) else defined = found[4] end

    local gaps = {}
    if not (found[1] or has_number) then gaps[#gaps + 1] = "no concrete example" end
    if not defined then gaps[#gaps + 1] = "no definition of the key term" end
    if not found[2] then gaps[#gaps + 1] = "no explanation of why" end
    if not found[3] then gaps[#gaps + 1] = "no limits or edge cases" end
    return { knowledge_gaps = gaps, notes = { "coverage: no topic pack, structural check" } }
  end,
}
