/// What `teachback new persona|heuristic NAME` writes: a commented script that works as it is
/// (`teachback check` passes it) and shows the parts worth changing. Self-contained, because
/// `require` only looks inside the script's own folder.
enum ScriptTemplates {
    static func persona(_ name: String) -> String {
        #"""
        -- \#(name): a student persona for teachback. Use it with `teachback --mode \#(name)` or
        -- `:mode \#(name)` in the REPL; after editing, `:reload` picks it up and
        -- `teachback check <this file>` runs it on sample explanations.
        -- Every field and function is described in plugins/teachback.d.lua of teachback's install.

        teachback.mode {
          name = "\#(name)",                          -- [a-z0-9-]+: how :mode finds it
          description = "A curious student who asks about what is missing",
          greeting = "Hi! I'd like to learn about {topic}. Will you explain it to me?",  -- {topic} is replaced

          -- Claude's instructions, when ANTHROPIC_API_KEY is set.
          system = [[You are a curious student learning {topic}. Ask exactly one short question about the
        weakest or missing point of the explanation. No praise, no answers, no summary.]],

          -- The question request Claude gets: the explanation and what the analysis found.
          prompt = function(turn)
            local gaps = table.concat(turn.analysis.knowledge_gaps, ", ")
            local request = "My explanation of " .. turn.topic .. ":\n" .. turn.explanation
            if gaps ~= "" then request = request .. "\n\nIt may leave out: " .. gaps end
            return request .. "\n\nAsk me your next question."
          end,

          -- The offline question (no API key, or Claude failed): built from the local analysis,
          -- never one already asked in this session.
          fallback = function(turn)
            local candidates = {}
            for _, word in ipairs(turn.analysis.unexplained_jargon) do
              candidates[#candidates + 1] = "What does '" .. word .. "' mean?"
            end
            for _, gap in ipairs(turn.analysis.knowledge_gaps) do
              candidates[#candidates + 1] = "Could you tell me more about " .. gap .. "?"
            end
            candidates[#candidates + 1] = "What is the most important thing about " .. turn.topic .. "?"
            candidates[#candidates + 1] = "Could you give me an example of " .. turn.topic .. "?"
            local asked = {}
            for _, question in ipairs(turn.asked) do asked[question] = true end
            for _, question in ipairs(candidates) do
              if not asked[question] then return question end
            end
            return candidates[1] .. " (Once more, please: turn " .. turn.number .. ".)"
          end,
        }

        """#
    }

    static func heuristic(_ name: String) -> String {
        #"""
        -- \#(name): a heuristic for teachback's local analysis (the one used offline, and merged with
        -- Claude's). After editing, `:reload` picks it up, `:log` shows what it logged and
        -- `teachback check <this file>` runs it on sample explanations.
        -- Every field and helper is described in plugins/teachback.d.lua of teachback's install.

        local MARKERS = { example = true, instance = true, ["for"] = true, imagine = true, suppose = true }

        teachback.heuristic {
          name = "\#(name)",                          -- [a-z0-9-]+
          description = "Rewards explanations that give a concrete example",
          weight = 1.0,                               -- its say in the weight-averaged scores

          -- `text` is the explanation; `ctx` holds topic, mode, number, history and, when a topic
          -- pack matches, its concepts. Return any of the analysis fields; scores must be in [0, 1].
          analyze = function(text, ctx)
            local words = teachback.words(text)
            local markers = 0
            for _, word in ipairs(words) do
              if MARKERS[word:lower()] then markers = markers + 1 end
            end
            teachback.log(string.format("%d words, %d example markers", #words, markers))
            return {
              clarity_score = markers > 0 and 0.8 or 0.5,
              strengths = markers > 0 and { "gives an example" } or {},
              knowledge_gaps = (markers == 0 and #words > 20) and { "a concrete example" } or {},
              notes = { markers .. " example markers" },
            }
          end,
        }

        """#
    }
}
