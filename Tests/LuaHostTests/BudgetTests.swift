import Foundation
import Testing
@testable import LuaHost
import TeachBack

@Suite struct BudgetTests {
    static let fine = #"teachback.heuristic { name = "fine", analyze = function() return { clarity_score = 0.8 } end }"#

    @Test func anEndlessLoopInAHeuristicStopsWithinItsBudgetAndTheOthersStillCount() async throws {
        var budgets = Budgets()
        budgets.heuristic = 0.05
        let host = try ScriptFixtures([
            "a_fine.lua": Self.fine,
            "b_loop.lua": """
            teachback.heuristic { name = "loop", analyze = function(text)
              while true do end
            end }
            """,
        ]).host(budgets: budgets)
        let started = ContinuousClock.now
        let report = await host.analyze("Some text.", context: ScriptFixtures.context())
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(2), "generous sanity bound; the budget is 50 ms")
        #expect(report.analysis.clarityScore == 0.8)
        let problem = try #require(report.problems.first)
        #expect(problem.message.contains("b_loop.lua:2:"))
        #expect(problem.message.contains("exceeded its time budget of 50 ms"))
        // The state is still usable afterwards.
        let again = await host.analyze("More.", context: ScriptFixtures.context())
        #expect(again.analysis.clarityScore == 0.8)
    }

    @Test func pcallInsideTheScriptCannotSwallowTheBudget() async throws {
        var budgets = Budgets()
        budgets.command = 0.05
        let host = try ScriptFixtures(["sly.lua": """
        teachback.command { name = "sly", run = function()
          while true do
            pcall(function() while true do end end)
          end
        end }
        """]).host(budgets: budgets)
        do {
            _ = try await host.runCommand("sly", args: "", session: nil)
            Issue.record("the loop should have been stopped")
        } catch {
            #expect(error.message.contains("exceeded its time budget"))
        }
    }

    /// No hook runs while a script does: Ctrl-C reaches a plain Lua loop by a signal to the
    /// thread running it, which arms the hook there.
    @Test func ctrlCStopsAnEndlessLuaLoopPromptly() async throws {
        var budgets = Budgets()
        budgets.command = 60
        let host = try ScriptFixtures(["spin.lua": """
        teachback.command { name = "spin", run = function()
          local n = 0
          while true do n = n + 1 end
        end }
        teachback.command { name = "ok", run = function() return "fine" end }
        """]).host(budgets: budgets)
        let (message, stopping) = try await ScriptFixtures.interrupted("spin", on: host)
        #expect(message?.contains("spin.lua:3: interrupted") == true, "\(String(describing: message))")
        #expect(stopping < .milliseconds(500), "a generous bound for a loaded machine")
        #expect(try await host.runCommand("ok", args: "", session: nil) == "fine", "the state is still usable")
    }

    @Test func aDeadlineTimerNotTheCountHookKeepsTheBudget() throws {
        let lua = try #require(LuaState(memoryCap: 1 << 20))
        #expect(lua.load(text: "local n = 0 for i = 1, 1000 do n = n + i end return n", name: "=sum") == nil)
        #expect(lua.call(nargs: 0, nresults: 1, budget: 1) == nil)
        #expect(lua.number(at: -1) == 500_500)
        #expect(lua.budgetKeptByTimer != LuaState.builtWithThreadSanitizer, "a hook in every call slows scripts by about a fifth")
    }

    /// Thousands of calls with a 3 ms budget, each with its own deadline timer: a call may run out
    /// of time on a busy machine, but none is stopped before its time (a late signal from the
    /// call before must not count).
    @Test func quickCallsOneAfterAnotherAreNeverStoppedEarly() async throws {
        var budgets = Budgets()
        budgets.heuristic = 0.003
        let host = try ScriptFixtures(["a_fine.lua": Self.fine]).host(budgets: budgets)
        let clock = ContinuousClock()
        var stopped = 0
        for _ in 0..<2_000 {
            let started = clock.now
            let report = await host.analyze("x", context: ScriptFixtures.context())
            guard !report.problems.isEmpty else { continue }
            stopped += 1
            #expect(clock.now - started >= .milliseconds(3), "stopped early: \(report.problems)")
        }
        #expect(stopped < 1_000, "a generous bound: the call takes microseconds")
    }

    @Test func anEndlessLoopAtLoadTimeIsReportedAndTheOtherFilesLoad() async throws {
        var budgets = Budgets()
        budgets.load = 0.05
        let host = try ScriptFixtures(["a.lua": Self.fine, "b.lua": "while true do end"]).host(budgets: budgets)
        #expect(await host.heuristics.map(\.name) == ["fine"])
        #expect(await host.loadErrors.contains { $0.contains("b.lua:1:") && $0.contains("time budget") })
    }

    @Test func unboundedAllocationFailsCleanlyAtTheMemoryCap() async throws {
        var budgets = Budgets()
        budgets.memoryCap = 16 << 20
        budgets.heuristic = 10   // the cap, not the clock, must stop it
        let host = try ScriptFixtures([
            "a_fine.lua": Self.fine,
            "b_hog.lua": """
            teachback.heuristic { name = "hog", analyze = function()
              local t = {}
              for i = 1, math.huge do t[i] = string.rep("x", 4096) .. i end
            end }
            """,
        ]).host(budgets: budgets)
        let report = await host.analyze("text", context: ScriptFixtures.context())
        #expect(report.analysis.clarityScore == 0.8)
        let problem = try #require(report.problems.first)
        #expect(problem.message.contains("b_hog.lua"))
        #expect(problem.message.contains("memory cap of 16 MiB"))
        #expect(await host.memoryUsed < 16 << 20)
        let again = await host.analyze("text", context: ScriptFixtures.context())
        #expect(again.problems.count == 1, "the hog fails again, cleanly, and nothing else does")
    }

    @Test func deepRecursionIsAnErrorNotACrash() async throws {
        let host = try ScriptFixtures(["deep.lua": """
        local function down(n) return 1 + down(n + 1) end
        teachback.command { name = "deep", run = function() return tostring(down(1)) end }
        """]).host()
        do {
            _ = try await host.runCommand("deep", args: "", session: nil)
            Issue.record("expected a stack overflow error")
        } catch {
            #expect(error.message.contains("deep.lua:1:"))
            #expect(error.message.contains("stack overflow"))
        }
    }
}
