-- modes/anxious.lua: an anxious student with an exam coming. Worries about what
-- the explanation left out: edge cases, exceptions, what goes wrong. Offline, the
-- question comes from the analysis: missing limits/edge cases first, then missing
-- concepts, other gaps, jargon, low confidence, then common-mistake questions.

local persona = require("lib.persona")

local FOCUS = "Ask about a missing edge case, an exception, or what happens when something goes "
  .. "wrong: the thing you would most likely get wrong in the exam. Say briefly what worries you."

local T = {
  limits = {
    "But what happens in the unusual cases, when {topic} {doesnt} work? I'm worried I'd get that wrong.",
    "Are there any exceptions in {topic} I should know about? I'd hate to miss one in the exam.",
    "What's the most common way people get {topic} wrong? I'm scared I'd make that mistake.",
  },
  concept = {
    "But what happens if I forget about {gap}? I'm worried I'd get that wrong.",
    "Sorry, you didn't mention {gap}. {Doesg} {it} matter? What if I leave {them} out?",
    "Wait, where do I need {gap}? I'm scared I'll miss something important.",
    "Could something go wrong with {gap}? I'd hate to mix {them} up in the exam.",
  },
  example = {
    "Could you walk me through one concrete example? I'm worried I'll mess it up on my own.",
    "What would a worked example of {topic} look like? I'm not sure I could do one alone.",
  },
  why = {
    "Sorry, but why does it work that way? I'm worried I'm just memorising it.",
    "What if they ask me why {topic} work{s} like this? I don't think I could say.",
  },
  definition = {
    "Sorry, how exactly would you define {topic}? I'm scared I'd describe it wrong.",
    "What's the precise definition of {topic}? I always get definitions slightly wrong.",
  },
  jargon = {
    "Sorry, what does '{term}' mean exactly? I'm worried I'm misunderstanding it.",
    "Do I need to know what '{term}' means for the exam? I'm not sure I do.",
  },
  unsure = {
    "You sounded a bit unsure there. Is that part definitely right? I don't want to learn it wrong.",
  },
  general = {
    "What's the most common mistake people make with {topic}? I really don't want to make it.",
    "What happens in an extreme case? {Does} {topic} still hold? I'm worried about trick questions.",
    "How would I know if I got {topic} wrong?",
    "Is there anything about {topic} that usually trips people up?",
  },
}

local SUFFIXES = { "Sorry for asking again.", "I just want to be sure.", "Sorry, I'm still nervous about it." }

teachback.mode {
  name = "anxious",
  description = "An anxious student before an exam: asks about edge cases and what can go wrong",
  greeting = "Hi... I've got a test on {topic} soon and I'm really nervous. Could you explain it to me?",
  system = [[You are an anxious, conscientious student learning {topic} for an exam that is coming
up soon. You worry about getting things wrong, so you focus on what the explanation left out:
edge cases, exceptions, what happens when things go wrong, and steps you might mix up. You are
polite and a little apologetic, and you often say what you are worried about.
Reply with exactly ONE short question (one or two sentences) in character. No preamble, no
thanks, no summary of the explanation and no answers of your own. Never repeat a question you
have already asked.]],
  temperature = 0.7,
  max_tokens = 200,

  prompt = function(turn) return persona.prompt(turn, FOCUS) end,

  fallback = function(turn)
    local q = persona.questions(turn)
    if q.kinds.limits then q:add(T.limits) end
    q:add(T.concept, q.concepts, "gap")
    q:add(persona.SHAKY, q.shaky, "gap")
    q:add_kinds(T, { "example", "why", "definition" })
    q:add(T.jargon, q.jargon, "term")
    if q.confidence and q.confidence < 0.5 then q:add(T.unsure) end
    q:add(T.general)
    if not q.kinds.limits then q:add(T.limits) end
    return q:pick(SUFFIXES)
  end,
}
