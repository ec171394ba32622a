-- coverage.lua: knowledge_gaps, what a good explanation of the topic leaves out.
--
-- Known topic (ctx.concepts from a topic pack): a concept is covered when any of
-- its `match` phrases occurs in the text as a run of consecutive Porter stems
-- (articles left out on both sides).
-- The concepts found are returned as `covered` (the session remembers them); each
-- concept neither found now nor in ctx.covered (earlier turns) is a gap, in the
-- pack's order. The notes say what this turn added.
-- Unknown topic (ctx.concepts nil or empty): structural gaps, in this order:
--   "no concrete example"            no example phrase and no number
--   "no definition of the key term"  no "<topic word> is/are/means/refers ...",
--                                    "called/named <topic word>", "known as <topic word>"
--                                    (no topic: no "is a", "is an", "means", "refers to", ...)
--   "no explanation of why"          no because/since/so that/the reason/...
--   "no limits or edge cases"        no except/unless/edge case/fails/however/...
-- Words are split at - _ ' (a trailing 's is dropped first) and stemmed with
-- teachback.stem, in the text and in the phrases alike (lib/phrases.lua).

local phrases = require("lib.phrases")

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

-- Concept phrases match with articles left out of both sides: "comparison with
-- target" is "comparison with the target".
local ARTICLES = { the = true, a = true, an = true }
local function without_articles(phrase)
  local kept = {}
  for w in tostring(phrase):gmatch("%S+") do
    if not ARTICLES[w:lower()] then kept[#kept + 1] = w end
  end
  return #kept > 0 and table.concat(kept, " ") or phrase
end

-- Compiled topic packs, by the concepts table (the host may pass the same one each turn).
local compiled_packs = setmetatable({}, { __mode = "k" })

-- Built on first use (stems come from the host's stemmer).
local STRUCTURAL, DEFINITION, DEFINING, CALLED, NAMED, KNOWN
local function init()
  STRUCTURAL = phrases.compile({ phrases.EXAMPLE, WHY_PHRASES, LIMIT_PHRASES, GENERIC_DEFINITION_PHRASES })
  DEFINITION = phrases.compile({ phrases.DEFINITION })
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
    text = phrases.straight(text)
    local words = teachback.words(text)
    local stems = phrases.stems(words)
    local concepts = ctx and ctx.concepts

    if type(concepts) == "table" and #concepts > 0 then
      local index = compiled_packs[concepts]
      if not index then
        local groups = {}
        for i, c in ipairs(concepts) do
          groups[i] = { without_articles(c.name) }     -- a concept's own name always counts
          for _, m in ipairs(type(c.match) == "table" and c.match or {}) do groups[i][#groups[i] + 1] = without_articles(m) end
        end
        index = phrases.compile(groups)
        compiled_packs[concepts] = index
      end
      local bare = {}
      for _, s in ipairs(stems) do
        if not ARTICLES[s] then bare[#bare + 1] = s end
      end
      local found = phrases.scan(bare, index, #concepts)
      -- A concept that is an example ("worked example") is covered by any concrete
      -- example, as structure.lua names it a strength: never both.
      if not STRUCTURAL then init() end
      local example = phrases.scan(stems, STRUCTURAL, 4)[1] or phrases.has_number(words)
      for i, c in ipairs(concepts) do
        if example and c.name:lower():find("example", 1, true) then found[i] = true end
      end
      local earlier = {}
      for _, name in ipairs(type(ctx.covered) == "table" and ctx.covered or {}) do
        if type(name) == "string" then earlier[name:lower()] = true end
      end
      local gaps, covered, added = {}, {}, {}
      for i, c in ipairs(concepts) do
        local before = earlier[c.name:lower()]
        if found[i] then
          covered[#covered + 1] = c.name
          if not before then added[#added + 1] = c.name end
        elseif not before then
          gaps[#gaps + 1] = c.name
        end
      end
      return {
        knowledge_gaps = gaps,
        covered = covered,
        notes = {
          string.format("coverage: %d of %d concepts covered in the session", #concepts - #gaps, #concepts),
          "coverage: this turn added " .. (#added > 0 and table.concat(added, ", ") or "nothing new"),
        },
      }
    end

    if not STRUCTURAL then init() end
    local found = phrases.scan(stems, STRUCTURAL, 4)
    local has_number = phrases.has_number(words)

    local topic_stems, any_topic = {}, false
    for w in tostring(ctx and ctx.topic or ""):lower():gmatch("[%w]+") do
      if not TOPIC_STOPWORDS[w] then topic_stems[teachback.stem(w)] = true; any_topic = true end
    end
    local defined
    if any_topic then defined = defines_topic(stems, topic_stems) else defined = found[4] end
    -- What structure.lua calls "defines its terms" is never also a missing definition.
    defined = defined or phrases.scan(stems, DEFINITION, 1)[1] or phrases.opens_with_definition(text)

    local gaps = {}
    if not (found[1] or has_number) then gaps[#gaps + 1] = "no concrete example" end
    if not defined then gaps[#gaps + 1] = "no definition of the key term" end
    if not found[2] then gaps[#gaps + 1] = "no explanation of why" end
    if not found[3] then gaps[#gaps + 1] = "no limits or edge cases" end
    return { knowledge_gaps = gaps, notes = { "coverage: no topic pack, structural check" } }
  end,
}
