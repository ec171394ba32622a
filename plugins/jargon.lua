-- jargon.lua: unexplained_jargon, the terms a newcomer would not know that the
-- explanation uses without saying what they are.
--
-- A word is a candidate when it is not teachback.is_common and is one of:
--   * an acronym (TCP, SYN, CPUs; a plural "s" is dropped), a CamelCase or
--     snake_case identifier (HashMap, call_stack), a word with digits (log2, IPv4;
--     not 3rd, 1990s, 10ms), or any other uncommon word (memoization);
-- and is not: one of the topic's own words (compared lower-case and by stem),
-- a capitalised word only ever seen mid-sentence (a proper name: Dijkstra),
-- a hyphenated word whose parts are all common, a number, or a filler (hmm, ok).
-- Accented Latin letters are folded to ASCII before the lookup (café -> cafe);
-- a word with other non-ASCII letters is not judged.
-- A candidate is explained, not reported, when the text defines it anywhere
-- (compared by stem): "X is/are/was/means/refers/stands/denotes ...",
-- "X, which/meaning/i.e. ...", "X (...)", "(X)", "X: ...", "X -- ...",
-- "called/named/termed/so-called X", "known as X", and naming what was just
-- described: "which/this/that is X", "these/those are X", "that's X", "it's X".
-- Words starting re-/un- whose rest (4+ letters) is common are not candidates
-- (resizes, unsold).
-- Declared terms (ctx.terms, from the topic pack: one word or several, with
-- aliases; matched word by word on Porter stems) are jargon whenever used without
-- a definition, common words or not ("stack frame", "momentum"); defined the same
-- ways, plus an appositive ("the congestion window, the amount of ..."). Without a
-- pack, a capitalised name before a technical head ("Calvin cycle", "Krebs cycle",
-- "Ohm's law") is one term, not a name. Words inside such terms are not judged again.
-- Each term is reported once (declared ones by their name, first), in order of
-- first appearance, at most 8. With many unexplained terms (n >= 4 and at least 1 per 100 words)
-- it also returns clarity_score = max(0.2, 0.6 - 0.05 * (n - 4)).
local phrases = require("lib.phrases")

local terms_lib = require("lib.terms")

local MAX_TERMS = 8

local FILLERS = {
  hmm = true, hm = true, um = true, umm = true, uh = true, er = true, erm = true,
  yeah = true, yep = true, nope = true, ok = true, okay = true, etc = true,
  ie = true, eg = true, vs = true, aka = true, lol = true,
}
local DEFINED_BY_NEXT = {   -- "X is ...", "X means ..."
  is = true, are = true, was = true, were = true, means = true, mean = true,
  refers = true, stands = true, denotes = true,
}
local DEFINED_AFTER_COMMA = { which = true, meaning = true, ie = true, aka = true }
local DEFINED_BY_PREVIOUS = { called = true, named = true, termed = true, ["so-called"] = true }
-- "..., which is X", "that's X": naming what was just described.
local NAMED_BY_PREVIOUS = { ["that's"] = true, ["it's"] = true }
local POINTING = { which = true, this = true, that = true, these = true, those = true }

-- Possessive stripped: "CPU's" -> "CPU", "tables'" -> "tables".
local function strip_possessive(w)
  return (w:gsub("'[sS]$", ""):gsub("'$", ""))
end

local function all_parts_common(w)
  for part in w:gmatch("[^%-]+") do
    if not (teachback.is_common(part) or not part:find("%a")) then return false end
  end
  return true
end

-- Accented Latin letters (U+00C0..U+00FF) folded to ASCII, as the word list was
-- ("café" is looked up as "cafe").
local FOLD = {}
for _, g in ipairs({
  { 0xC0, 0xC5, "A" }, { 0xC6, 0xC6, "AE" }, { 0xC7, 0xC7, "C" }, { 0xC8, 0xCB, "E" },
  { 0xCC, 0xCF, "I" }, { 0xD0, 0xD0, "D" }, { 0xD1, 0xD1, "N" }, { 0xD2, 0xD6, "O" },
  { 0xD8, 0xD8, "O" }, { 0xD9, 0xDC, "U" }, { 0xDD, 0xDD, "Y" }, { 0xDE, 0xDE, "TH" },
  { 0xDF, 0xDF, "ss" }, { 0xE0, 0xE5, "a" }, { 0xE6, 0xE6, "ae" }, { 0xE7, 0xE7, "c" },
  { 0xE8, 0xEB, "e" }, { 0xEC, 0xEF, "i" }, { 0xF0, 0xF0, "d" }, { 0xF1, 0xF1, "n" },
  { 0xF2, 0xF6, "o" }, { 0xF8, 0xF8, "o" }, { 0xF9, 0xFC, "u" }, { 0xFD, 0xFD, "y" },
  { 0xFE, 0xFE, "th" }, { 0xFF, 0xFF, "y" },
}) do
  for cp = g[1], g[2] do FOLD[utf8.char(cp)] = g[3] end
end

-- The kind of candidate `w` is, or nil when it is ordinary English.
local function candidate(w, key)
  if w:find("[\128-\255]") then
    w = w:gsub("\195[\128-\191]", FOLD)
    if w:find("[\128-\255]") then return nil end     -- not a Latin-script word: no judgement
    key = w:lower()
  end
  if #key < 2 or FILLERS[key] or not w:find("%a") then return nil end
  if w:find("%d") then
    if w:match("^%d+%a%a?%a?$") then return nil end      -- 3rd, 1990s, 10ms
    return not teachback.is_common(w) and "digits" or nil
  end
  if w:find("_") then return "identifier" end
  if teachback.is_common(w) then return nil end
  if w:match("^%u[%u%d]*%us?$") then return "acronym" end  -- TCP, CPUs
  if w:find("%l%u") then return "identifier" end
  if w:find("-", 1, true) and all_parts_common(w) then return nil end
  local head = w:match("^([^']+)'")                     -- y'all, it'd
  if head and teachback.is_common(head) then return nil end
  local rest = key:match("^re(....+)$") or key:match("^un(....+)$")
  if rest and teachback.is_common(rest) then return nil end  -- resizes, unsold
  return "word"
end

-- Capitalised like a name: "Dijkstra", "Bellman-Ford".
local function titlecase(w)
  return w:match("^%u%l+$") ~= nil or w:match("^%u%l+%-%u%l+$") ~= nil
end

-- The candidate kind of a word as written (possessive stripped), or false.
local kind_of = phrases.memo(function(w) return candidate(w, w:lower()) or false end)

-- Whether the punctuation after a word introduces its definition: "X (", "X:",
-- "X -- ", "X, which", "X, i.e.", "X, that is".
local function defining_gap(after, words, lower, i)
  if after:find("^%s*[%(:]") or after:find("^%s*\u{2014}") or after:find("^%s*\u{2013}")
      or after:find("^%s+%-%-?%s") then
    return true
  end
  if after:find("^%s*,%s*$") then
    local nxt = lower[i + 1]
    return DEFINED_AFTER_COMMA[nxt or ""] or (words[i + 1] == "i" and lower[i + 2] == "e")
      or (nxt == "that" and lower[i + 2] == "is")
  end
  return false
end

-- Whether the words i..j (a multi-word term) are defined where they stand.
local APPOSITIVE = { the = true, a = true, an = true }
local function span_defined(i, j, words, lower, gaps)
  local after = gaps[j + 1]
  if (after == nil or after:find("^%s*$")) and DEFINED_BY_NEXT[lower[j + 1] or ""] then return true end
  if after and defining_gap(after, words, lower, j) then return true end
  if after and after:find("^%s*,%s*$") and APPOSITIVE[lower[j + 1] or ""] then return true end
  if after and after:find("^%)") and (gaps[i] or ""):find("%($") then return true end
  local prev = lower[i - 1]
  return prev ~= nil and (DEFINED_BY_PREVIOUS[prev] or (prev == "as" and lower[i - 2] == "known")
    or ((prev == "is" or prev == "are") and POINTING[lower[i - 2] or ""])) or false
end

teachback.heuristic {
  name = "jargon",
  description = "Uncommon words, acronyms and identifiers used without a definition",
  weight = 0.5,
  analyze = function(text, ctx)
    if type(text) ~= "string" then text = "" end
    text = phrases.straight(text)
    local words = teachback.words(text)
    local n = #words
    if n == 0 then return { unexplained_jargon = {}, notes = { "jargon: empty text" } } end

    -- gaps[i]: the text before word i (gaps[n + 1]: after the last word), to read
    -- the punctuation around words. Words are substrings in order, so a plain
    -- find from a cursor is linear. A gap stays nil if a word cannot be found.
    local gaps, cursor = {}, 1
    for i = 1, n do
      local s, e = text:find(words[i], cursor, true)
      if not s then break end
      gaps[i] = s == cursor and "" or text:sub(cursor, s - 1)
      cursor = e + 1
      if i == n then gaps[n + 1] = text:sub(cursor) end
    end

    local lower = {}
    for i = 1, n do
      local w = words[i]
      if w:find("'", 1, true) then w = strip_possessive(w) end
      lower[i] = w:lower()
    end

    -- Declared terms of the topic pack, and "Name head" terms: spans of words.
    local spans, inside = terms_lib.spans(words, lower, gaps, ctx and ctx.terms, function(w)
      w = strip_possessive(w)
      return titlecase(w) and w or nil
    end)

    -- Terms the text defines.
    local defined = {}
    for i = 1, n do
      local key, after = lower[i], gaps[i + 1]
      if after == " " or after == nil then
        if DEFINED_BY_NEXT[lower[i + 1] or ""] then defined[key] = true end
      elseif after:find("^%s*$") then
        if DEFINED_BY_NEXT[lower[i + 1] or ""] then defined[key] = true end
      elseif defining_gap(after, words, lower, i) then
        defined[key] = true
      elseif after:find("^%)") and (gaps[i] or ""):find("%($") then     -- "(X)"
        defined[key] = true
      end
      local prev = lower[i - 1]
      if prev and (DEFINED_BY_PREVIOUS[prev] or (prev == "as" and lower[i - 2] == "known")
          or ((prev == "is" or prev == "are") and POINTING[lower[i - 2] or ""])
          or ((prev == "that" or prev == "it") and NAMED_BY_PREVIOUS[words[i - 1]:lower()])) then
        defined[key] = true
      end
    end

    -- Candidates in first-appearance order.
    local order, spelling, proper_only = {}, {}, {}
    for i = 1, n do
      local w = words[i]
      if w:find("'", 1, true) then w = strip_possessive(w) end
      local kind = not inside[i] and kind_of(w)
      if kind then
        local key = lower[i]
        if kind == "acronym" and w:match("^%u%u+s$") then   -- CPUs -> CPU
          w = w:sub(1, -2); key = key:sub(1, -2)
        end
        -- A capitalised word in mid-sentence is a proper name unless it also
        -- appears otherwise.
        local before = gaps[i]
        local proper = i > 1 and before ~= nil and not before:find("[%.!?:;\n\"]") and titlecase(w)
        if not spelling[key] then
          spelling[key] = w
          order[#order + 1] = key
          proper_only[key] = proper
        elseif not proper then
          proper_only[key] = false
        end
      end
    end
    -- Multi-word and declared terms: defined if any occurrence is.
    local span_order, span_defined_by = {}, {}
    for _, s in ipairs(spans) do
      local key = s[3]:lower()
      if span_defined_by[key] == nil then span_order[#span_order + 1] = s[3] end
      span_defined_by[key] = span_defined_by[key] or span_defined(s[1], s[2], words, lower, gaps)
    end
    if #order == 0 and #span_order == 0 then
      return { unexplained_jargon = {}, notes = { "jargon: 0 unexplained, 0 defined" } }
    end

    local topic_words, topic_stems = {}, {}
    for w in tostring(ctx and ctx.topic or ""):lower():gmatch("[%w]+") do
      topic_words[w] = true
      topic_stems[teachback.stem(w)] = true
    end
    local defined_stems = nil
    local function is_defined(key)
      if defined[key] then return true end
      if not defined_stems then
        defined_stems = {}
        for d in pairs(defined) do defined_stems[teachback.stem(d)] = true end
      end
      return defined_stems[teachback.stem(key)] == true
    end

    local terms, total, explained = {}, 0, 0
    for _, name in ipairs(span_order) do
      if span_defined_by[name:lower()] then
        explained = explained + 1
      else
        total = total + 1
        if #terms < MAX_TERMS then terms[#terms + 1] = name end
      end
    end
    for _, key in ipairs(order) do
      local on_topic = topic_words[key] or topic_stems[teachback.stem(key)]
      if not on_topic and not proper_only[key] then
        if is_defined(key) then
          explained = explained + 1
        else
          total = total + 1
          if #terms < MAX_TERMS then terms[#terms + 1] = spelling[key] end
        end
      end
    end

    local result = {
      unexplained_jargon = terms,
      notes = { string.format("jargon: %d unexplained, %d defined", total, explained) },
    }
    if total >= 4 and total * 100 >= n then
      result.clarity_score = math.max(0.2, 0.6 - 0.05 * (total - 4))
    end
    return result
  end,
}
