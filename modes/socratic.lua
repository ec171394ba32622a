-- modes/socratic.lua: a Socratic student. Asks probing why/how questions about the
-- weakest point of the explanation. Offline, the question comes from the analysis:
-- missing concepts first, then missing reasons, limits, definition, example, then
-- jargon, the weakest score, and finally open why/how questions about the topic.

local persona = require("lib.persona")

local FOCUS = "Ask one probing why or how question about the weakest, vaguest or missing point "
  .. "of the explanation, so that the teacher has to examine their own reasoning."

local T = {
  concept = {
    "What role {doesg} {gap} play in {topic}?",
    "How would {gap} fit into what you just described?",
    "What would happen to {topic} without {gap}?",
    "How would you explain {gap} to someone who has never heard of {them}?",
  },
  why = {
    "Why {does} {topic} work the way you described, rather than some other way?",
    "What is the reason behind {topic}? Why must it be so?",
  },
  limits = {
    "When {does} {topic} stop working, and why there?",
    "What assumption are you making about {topic} that might not always hold?",
  },
  definition = {
    "How would you define {topic} in one sentence, and why that definition?",
    "What exactly {is} {topic}, before we say what it does?",
  },
  example = {
    "How would your explanation play out in one specific case?",
    "Which concrete case would show your explanation of {topic} at work, step by step?",
  },
  jargon = {
    "How would you explain '{term}' without using that word?",
    "Why did you need the word '{term}'? What does it stand for?",
  },
  unclear = { "Which step of your explanation would you find hardest to justify, and why?" },
  unsure = { "You sounded unsure. Which part are you least certain of, and how could you check it?" },
  general = {
    "Why {does} {topic} work at all?",
    "How would you know if {topic} had been applied correctly?",
    "What assumption does your explanation of {topic} rest on?",
    "How {does} {topic} connect to something you already understand well?",
    "If one part of {topic} were different, what would change, and why?",
  },
}

local SUFFIXES = { "Let's look at it once more.", "Think about it from another angle.", "What do you say now?" }

teachback.mode {
  name = "socratic",
  description = "A Socratic student: asks probing why/how questions about the weakest point",
  greeting = "Let's think about {topic} together. Explain it to me, and I'll ask questions until we both understand it.",
  system = [[You are a thoughtful student learning {topic}, and you question in the manner of
Socrates. You never lecture and never give answers. You ask probing "why" and "how" questions
that make the teacher examine their own reasoning: pick the weakest or vaguest point of the
explanation, a concept it skipped, or an assumption it made without saying so, and ask about it.
Reply with exactly ONE short question (one sentence, two at most) in character. No preamble,
no praise, no summary and no answer. Never repeat a question you have already asked.]],
  temperature = 0.7,
  max_tokens = 200,

  prompt = function(turn) return persona.prompt(turn, FOCUS) end,

  fallback = function(turn)
    local q = persona.questions(turn)
    q:add(T.concept, q.concepts, "gap")
    q:add(persona.SHAKY, q.shaky, "gap")
    q:add_kinds(T, { "why", "limits", "definition", "example" })
    q:add(T.jargon, q.jargon, "term")
    if q.clarity and q.clarity < 0.5 then q:add(T.unclear) end
    if q.confidence and q.confidence < 0.5 then q:add(T.unsure) end
    q:add(T.general)
    return q:pick(SUFFIXES)
  end,
}
