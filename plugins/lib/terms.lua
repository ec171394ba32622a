-- plugins/lib/terms.lua: multi-word and declared technical terms in a text, for
-- jargon.lua. `local terms = require("lib.terms")`.
--
--   terms.spans(words, lower, gaps, declared, name_of)
--     the terms the text uses, as spans { first word, last word, name }, and the set
--     of word positions inside them. `declared` is ctx.terms (a topic pack's terms,
--     one word or several, with aliases; matched word by word on Porter stems);
--     without one matching, "Name head" (a capitalised uncommon word, as `name_of`
--     returns it, before a technical head such as cycle or law) is a term too:
--     "Calvin cycle", "Krebs cycle", "Ohm's law".

local M = {}

-- Heads that make "Name head" a technical term: "Calvin cycle", "Ohm's law".
local NAMED_HEADS = {
  cycle = true, law = true, laws = true, constant = true, equation = true, principle = true,
  effect = true, theorem = true, number = true, scale = true, test = true, algorithm = true,
  distribution = true, process = true, limit = true, model = true, conjecture = true, series = true,
  transform = true, rule = true, paradox = true, curve = true, reaction = true,
}

local phrases = require("lib.phrases")

-- Declared terms compiled by the terms table: index[first stem] = { {stems..., term}, ... }.
local compiled_terms = setmetatable({}, { __mode = "k" })
local function term_index(terms)
  local index = compiled_terms[terms]
  if index then return index end
  index = {}
  for _, term in ipairs(terms) do
    if type(term) == "table" and type(term.name) == "string" then
      local spellings = { term.name }
      for _, a in ipairs(type(term.aliases) == "table" and term.aliases or {}) do spellings[#spellings + 1] = a end
      for _, spelling in ipairs(spellings) do
        local seq = {}
        for w in tostring(spelling):lower():gsub("\u{2019}", "'"):gmatch("[^%s]+") do
          seq[#seq + 1] = teachback.stem((w:gsub("'s$", "")))
        end
        if #seq > 0 then
          index[seq[1]] = index[seq[1]] or {}
          table.insert(index[seq[1]], { seq = seq, name = term.name })
        end
      end
    end
  end
  for _, bucket in pairs(index) do table.sort(bucket, function(a, b) return #a.seq > #b.seq end) end
  compiled_terms[terms] = index
  return index
end

-- Stem of a lower-cased word, remembered across calls.
local stem_of = phrases.memo(teachback.stem)

function M.spans(words, lower, gaps, declared_terms, name_of)
  local n = #words
  local spans, inside = {}, {}
  local declared = type(declared_terms) == "table" and #declared_terms > 0 and term_index(declared_terms) or nil
  local stems = {}
  if declared then
    for i = 1, n do stems[i] = stem_of(lower[i]) end
  end
  local i = 1
  while i <= n do
    local matched
    local bucket = declared and declared[stems[i]]
    for e = 1, bucket and #bucket or 0 do
      local entry, ok = bucket[e], true
      for k = 2, #entry.seq do
        if stems[i + k - 1] ~= entry.seq[k] then ok = false; break end
      end
      if ok then matched = { i, i + #entry.seq - 1, entry.name }; break end
    end
    if not matched and i < n and NAMED_HEADS[lower[i + 1]] and gaps[i + 1] == " " then
      local name = name_of(words[i])
      if name and not teachback.is_common(lower[i]) then matched = { i, i + 1, name .. " " .. words[i + 1] } end
    end
    if matched then
      spans[#spans + 1] = matched
      for k = matched[1], matched[2] do inside[k] = true end
      i = matched[2] + 1
    else
      i = i + 1
    end
  end
  return spans, inside
end

return M
