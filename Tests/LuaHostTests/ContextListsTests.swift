@testable import LuaHost
import TeachBack
import Testing

/// `ctx.history`, `turn.history` and `turn.asked` are made on first use: scripts must not be able
/// to tell, but for the time saved. Each context gets its own copy, of the lists as they stood.
@Suite struct ContextListsTests {
    static func past(_ n: Int) -> [PastTurn] {
        (0..<n).map { i in
            PastTurn(explanation: "explanation \(i + 1)", question: "question \(i + 1)?",
                     analysis: Analysis(knowledgeGaps: ["gap \(i + 1)"]), answered: i % 2 == 1)
        }
    }

    static func context(_ history: [PastTurn]) -> AnalysisContext {
        AnalysisContext(topic: "t", mode: "m", number: history.count + 1, history: history)
    }

    /// Two heuristics, the first vandalising its ctx; a third keeps its ctx of turn 2 for later.
    static let scripts = ["h.lua": #"""
    local seen, kept = {}, nil
    local function say(ctx)
      local h = ctx.history
      local last = h[#h]
      return #h .. ":" .. (last and (last.question .. "/" .. last.analysis.knowledge_gaps[1] .. "/" .. tostring(last.answered)) or "-")
    end
    teachback.heuristic { name = "vandal", analyze = function(text, ctx)
      seen[#seen + 1] = "v" .. say(ctx)
      if #ctx.history > 0 then ctx.history[1].question = "changed"; ctx.history[1].analysis.knowledge_gaps[1] = "x" end
      table.insert(ctx.history, { question = "extra" })
      return {}
    end }
    teachback.heuristic { name = "reader", analyze = function(text, ctx)
      seen[#seen + 1] = "r" .. say(ctx)
      local keys = {}
      for k in pairs(ctx) do keys[#keys + 1] = k end
      table.sort(keys)
      seen[#seen + 1] = table.concat(keys, ",")
      if ctx.number == 3 then kept = ctx end
      if ctx.number == 4 then
        seen[#seen + 1] = "kept" .. say(kept)
        ctx.history = nil
        seen[#seen + 1] = "cleared:" .. tostring(ctx.history)
      end
      return {}
    end }
    teachback.command { name = "seen", run = function() local s = table.concat(seen, " "); seen = {}; return s end }
    """#]

    @Test func everyContextSeesItsOwnFreshCopyOfTheHistoryAsItStood() async throws {
        let host = try ScriptFixtures(Self.scripts).host()
        let history = Self.past(3)
        _ = await host.analyze("text", context: Self.context([]))
        #expect(try await host.runCommand("seen", args: "", session: nil) == "v0:- r0:- covered,history,mode,number,topic")
        _ = await host.analyze("text", context: Self.context(Array(history.prefix(2))))
        #expect(try await host.runCommand("seen", args: "", session: nil)
                == "v2:question 2?/gap 2/true r2:question 2?/gap 2/true covered,history,mode,number,topic",
                "the second heuristic sees none of the first one's changes")
        _ = await host.analyze("text", context: Self.context(history))
        #expect(try await host.runCommand("seen", args: "", session: nil)
                == "v3:question 3?/gap 3/false r3:question 3?/gap 3/false covered,history,mode,number,topic kept2:question 2?/gap 2/true cleared:nil",
                "a context kept from an earlier call still holds the history of that call")
    }

    @Test func turnsGetHistoryAndAskedAndTheyFollowEdits() async throws {
        let host = try ScriptFixtures(["m.lua": #"""
        teachback.mode { name = "m", fallback = function(turn)
          local asked = table.concat(turn.asked, "|")
          table.remove(turn.asked)
          return #turn.history .. ";" .. asked .. ";" .. turn.history[#turn.history].question
        end }
        """#]).host()
        var history = Self.past(2)
        func turn() -> TurnContext {
            TurnContext(topic: "t", mode: "m", number: 3, explanation: "e", analysis: Analysis(), history: history,
                        asked: history.map(\.question), question: nil)
        }
        #expect(try await host.fallbackQuestion(mode: "m", turn: turn()) == "2;question 1?|question 2?;question 2?")
        #expect(try await host.fallbackQuestion(mode: "m", turn: turn()) == "2;question 1?|question 2?;question 2?")
        history[1].question = "edited?"
        #expect(try await host.fallbackQuestion(mode: "m", turn: turn()) == "2;question 1?|edited?;edited?")
        history.removeLast()
        #expect(try await host.fallbackQuestion(mode: "m", turn: turn()) == "1;question 1?;question 1?")
    }
}
