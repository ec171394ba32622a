-- commands.lua: an example command plugin. `:wc` prints the session's topic, mode
-- and turn count; `:wc TEXT` also counts the words and sentences of TEXT.

teachback.command {
  name = "wc",
  usage = ":wc [TEXT]",
  help = "Show the session's topic, mode and turns; with TEXT, count its words and sentences",
  run = function(args, session)
    local out
    if type(session) == "table" and session.topic then
      local turns = tonumber(session.turns) or 0
      out = string.format("%s · %s · %d turn%s", tostring(session.topic), tostring(session.mode or "?"),
        turns, turns == 1 and "" or "s")
    else
      out = "no session yet (start one with :teach TOPIC)"
    end
    local text = tostring(args or "")
    if text:find("%S") then
      local words, sentences = #teachback.words(text), #teachback.sentences(text)
      out = out .. string.format("\n%d word%s, %d sentence%s", words, words == 1 and "" or "s",
        sentences, sentences == 1 and "" or "s")
    end
    return out
  end,
}
