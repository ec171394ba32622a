-- modes/contrarian.lua: a skeptical student who plays devil's advocate. Pushes back
-- on claims and proposes counter-examples. Offline, the question comes from the
-- explanation and the analysis: sweeping claims ("always", "never") first, then
-- missing limits, missing concepts, other gaps, jargon, any other claim, then
-- general challenges to the topic.

local persona = require("lib.persona")

local FOCUS = "Push back on one specific claim from the explanation (quote a few of its words), "
  .. "or propose a counter-example that would test it."

local STRONG = {
  always = true, never = true, every = true, all = true, only = true, must = true, cannot = true,
  ["can't"] = true, impossible = true, guaranteed = true, definitely = true, everything = true,
  nothing = true, none = true, any = true, best = true, worst = true, fastest = true, no = true,
}

local T = {
  claim = {
    "You said \"{claim}\". Is that really always true? Give me a case where it isn't.",
    "I don't buy \"{claim}\". What evidence would convince a skeptic?",
    "Couldn't the opposite of \"{claim}\" be true in some situations?",
  },
  limits = {
    "I bet {topic} break{s} somewhere. What's a case where it fails?",
    "That sounds too neat. Where {does} {topic} stop being true?",
  },
  concept = {
    "You never mentioned {gap}. Why should I think {it} matter{sg} at all?",
    "I bet you could explain {topic} without ever mentioning {gap}. Why shouldn't I?",
    "Why would anyone care about {gap} when learning {topic}?",
  },
  example = { "That's all theory. Where's one real example that proves it?" },
  why = { "Says who? Why should {topic} work that way and not the other way round?" },
  definition = { "You never said what {topic} actually {is}. How do I know you're not describing something else?" },
  jargon = {
    "Isn't '{term}' just a fancy word hiding what's going on? What does it actually mean?",
    "Why should I accept '{term}' without a definition? What is it, really?",
  },
  general = {
    "{Isnt} {topic} overrated? What's the strongest argument against it?",
    "What's a counter-example that would break your explanation of {topic}?",
    "Couldn't a simpler idea explain the same thing as {topic}?",
    "Why should I trust that explanation of {topic} over a different one?",
  },
}

local SUFFIXES = { "I'm still not convinced.", "Try again.", "Convince me this time." }

-- Sentences of the explanation worth arguing with (4..30 words), as short quotes:
-- those with sweeping words first, then the rest.
local function claims_of(text)
  local strong, other = {}, {}
  local count = 0
  for s in tostring(text or ""):gmatch("[^%.!?\n]+") do
    count = count + 1
    if count > 60 then break end
    s = persona.trim(s)
    local words, sweeping = 0, false
    for w in s:gmatch("%S+") do
      words = words + 1
      if STRONG[(w:lower():gsub("[^%w']", ""))] then sweeping = true end
    end
    if words >= 4 and words <= 30 then
      local quote = s
      if #quote > 90 then quote = (persona.clip(quote, 87):gsub("%s+%S*%.%.%.$", "...")) end
      if sweeping then strong[#strong + 1] = quote else other[#other + 1] = quote end
    end
  end
  return strong, other
end

teachback.mode {
  name = "contrarian",
  description = "A skeptic who plays devil's advocate: pushes back on claims with counter-examples",
  greeting = "Teach me about {topic}. Fair warning: I don't believe anything until you convince me.",
  system = [[You are a sharp, skeptical student learning {topic} who plays devil's advocate. You
push back on the teacher's claims: you doubt sweeping statements ("always", "never", "every"),
propose counter-examples, suggest a rival explanation or ask for evidence. You are challenging
but good-natured, never rude, and you never give the correct answer yourself.
Reply with exactly ONE short question (one or two sentences) in character, aimed at a specific
claim from the explanation when there is one. No preamble, no agreement and no summary. Never
repeat a question you have already asked.]],
  temperature = 0.8,
  max_tokens = 200,

  prompt = function(turn) return persona.prompt(turn, FOCUS) end,

  fallback = function(turn)
    local q = persona.questions(turn)
    local strong, other = claims_of(turn.explanation)
    q:add(T.claim, strong, "claim")
    if q.kinds.limits then q:add(T.limits) end
    q:add(T.concept, q.concepts, "gap")
    q:add(persona.SHAKY, q.shaky, "gap")
    q:add_kinds(T, { "example", "why", "definition" })
    q:add(T.jargon, q.jargon, "term")
    q:add(T.claim, other, "claim")
    q:add(T.general)
    if not q.kinds.limits then q:add(T.limits) end
    return q:pick(SUFFIXES)
  end,
}
