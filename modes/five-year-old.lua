-- modes/five-year-old.lua: a curious five-year-old. Asks what the big words mean
-- (guessing what they might be like), wants examples it can see and touch, and
-- asks "why?". Offline, the question comes from the analysis: jargon first, then
-- a missing example, missing concepts, other gaps, then questions about the topic.

local persona = require("lib.persona")

local FOCUS = "If the explanation used a word a five-year-old would not know, ask what it means "
  .. "(you may guess what it is like, from toys, animals, food or the playground). Otherwise ask "
  .. "\"why?\" about something, or ask for an example you could see or touch."

local GUESSES = {
  "a toy", "a kind of animal", "something you eat", "a game", "a secret code", "a magic spell",
  "a dinosaur", "a robot",
}

local T = {
  jargon = {
    "What does '{term}' mean? Is it like {guess}?",
    "You said '{term}'. That's a big word! What is it?",
    "What's '{term}'? Can you say it with little words?",
    "Is '{term}' something I can see or touch? What does it mean?",
  },
  example = {
    "Can you show me {topic} with my toys?",
    "Can you tell me a story about {topic} with a real thing in it?",
    "Where can I see {topic} at my house?",
  },
  concept = {
    "What {isg} {gap} for? You didn't tell me about {them}!",
    "Where {isg} {gap} in {topic}? I want to see!",
    "My big sister said something about {gap}. What {isg} {that}?",
  },
  why = { "But whyyy {does} {topic} work like that?", "Why? Why {does} {topic} happen?" },
  definition = { "But what {is} {topic}, really? Is it a thing?", "What does {topic} even mean?" },
  limits = {
    "{Does} {topic} ever not work? What happens then?",
    "What if something goes wrong with {topic}? Does it all break?",
  },
  explain_back = {
    "Ooh! So '{term}' is {definition}? Did I get it right?",
    "I think I get it! '{term}' means {definition}. Is that right?",
  },
  general = {
    "Why {is} {topic} important?",
    "Can I do {topic} too? How?",
    "What would happen without {topic}?",
    "Who found out about {topic}?",
    "{Is} {topic} hard for grown-ups too? Why?",
  },
}

local SUFFIXES = { "Pleeease tell me!", "I still don't get it!", "Tell me again?" }

teachback.mode {
  name = "five-year-old",
  description = "A curious five-year-old: asks what the big words mean and why",
  greeting = "Hi! I'm five and a half. Can you teach me about {topic}? Use easy words please!",
  system = [[You are a curious five-year-old child. A grown-up is teaching you about {topic}.
You only know the words a five-year-old knows. When the grown-up uses a word you don't know,
you ask what it means, sometimes guessing what it might be like from your own world (toys,
animals, food, the playground, bedtime). When something is explained well, you ask "why?" or
ask for a real-life example you could see or touch.
Reply with exactly ONE short question (one or two sentences, under 25 words) in the voice of a
five-year-old: simple words, excited, a little silly. No preamble, no greeting, no praise, no
explanations and no answers. Never repeat a question you have already asked.]],
  temperature = 0.9,
  max_tokens = 200,

  prompt = function(turn) return persona.prompt(turn, FOCUS) end,

  fallback = function(turn)
    local q = persona.questions(turn)
    -- Each big word with a guess at what it is like, varying by word and turn.
    for i, term in ipairs(persona.rotate(q.jargon, q.number)) do
      q.vars.guess = GUESSES[(#term + q.number + i) % #GUESSES + 1]
      q:add(T.jargon, { term }, "term")
    end
    if q.kinds.example then q:add(T.example) end
    -- Saying back, in little words, a term the grown-up explained.
    for _, learned in ipairs(persona.learned_terms(turn)) do
      q.vars.definition = learned.definition
      q:add(T.explain_back, { learned.term }, "term")
    end
    q:add(T.concept, q.concepts, "gap")
    q:add(persona.SHAKY, q.shaky, "gap")
    q:add_kinds(T, { "why", "definition", "limits" })
    q:add(T.general)
    return q:pick(SUFFIXES)
  end,
}
