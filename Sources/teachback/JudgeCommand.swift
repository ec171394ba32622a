import ArgumentParser
import Claude
import Foundation
import Research

/// `teachback judge`: flags, the plan and its confirmation, then `Research.Judge` does the work.
struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "judge",
        abstract: "Claude's analysis of every recorded turn, through the Message Batches API (half price) or --direct calls.",
        discussion: """
        Jobs are recorded in the database before anything is submitted: after a crash, Ctrl-C or reboot, \
        `teachback judge --resume JOB` finishes without submitting or writing anything twice. \
        Output: one JSON line per turn, in input order. Exit codes: 0 ok, 1 runtime failure, 2 usage error, \
        3 some requests errored or expired (see --retry-failed).
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: "Files of sessions, as analytics and rescore read them.") var files: [String] = []
    @Option(name: .shortAndLong, help: "Where the JSONL goes.") var output: String?
    @Flag(help: "Submit without asking (needed when stdin is not a terminal).") var yes = false
    @Option(help: ArgumentHelp("Refuse a job whose estimated cost is above USD.", valueName: "USD")) var maxCost: Double?
    @Option(help: ArgumentHelp("Seconds between polls of a batch (backs off while nothing changes).", valueName: "SECONDS"))
    var poll: Double = 30
    @Option(help: ArgumentHelp("Send the requests directly, N at a time, instead of by batches.", valueName: "N")) var direct: Int?
    @Flag(help: "List every judge job and its batches.") var status = false
    @Option(help: ArgumentHelp("Finish the job JOB.", valueName: "JOB")) var resume: Int64?
    @Option(help: ArgumentHelp("Cancel the job JOB's batches, then write what finished.", valueName: "JOB")) var cancel: Int64?
    @Flag(help: "With --resume: send the errored and expired requests again.") var retryFailed = false
    @Option(help: .hidden) var batchRequests = JudgeOptions.apiBatchRequests
    @Option(help: .hidden) var batchBytes = JudgeOptions.apiBatchBytes

    func validate() throws {
        let modes = [status, resume != nil, cancel != nil, !files.isEmpty].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give input files, or one of --status, --resume JOB, --cancel JOB") }
        if !files.isEmpty, output == nil { throw ValidationError("-o OUT is required with input files") }
        if retryFailed, resume == nil { throw ValidationError("--retry-failed goes with --resume JOB") }
        if let direct, direct < 1 { throw ValidationError("--direct must be at least 1") }
        guard poll > 0, batchRequests >= 1, batchBytes >= 1024 else { throw ValidationError("--poll and the batch limits must be positive") }
    }

    func run() async throws {
        let wiring = try await Wiring(common)
        guard let store = wiring.store else { throw JudgeFailure(wiring.storeProblem ?? "the database could not be opened") }
        if status {
            for line in try Judge.status(store: store) { print(line) }
            return
        }
        guard let claude = wiring.claude else {
            throw ValidationError("judge needs Claude: set ANTHROPIC_API_KEY (and leave out --offline)")
        }
        let judge = Judge(store: store, claude: claude) { Self.say($0) }
        let price = wiring.config.prices[claude.model].map { (input: $0.input, output: $0.output) }
        let job: Int64
        if let cancel {
            try await judge.cancel(job: cancel)
            job = cancel
        } else if let resume {
            job = resume
            if retryFailed { Self.say("job \(job): \(try judge.retryFailed(job: job)) request(s) to send again") }
        } else {
            job = try plan(judge, price: price, model: claude.model)
        }
        let interrupt = JudgeInterrupt(judge: judge, job: job)
        let summary = try await judge.run(job: job)
        interrupt.disarm()
        var text = summary.text
        if let price, let options = try judge.store.judgeJob(job).flatMap({ try? JSONDecoder().decode(JudgeOptions.self, from: Data($0.options.utf8)) }) {
            let cost = (Double(summary.inputTokens) * price.input + Double(summary.outputTokens) * price.output) / 1_000_000
            text += String(format: "; cost $%.4f", options.direct == nil ? cost / 2 : cost)
        }
        Self.say(text)
        guard summary.failed > 0 else { return }
        for line in try judge.failures(job: job, limit: 20) { Self.say("  " + line) }
        Self.say("send them again: teachback judge --resume \(job) --retry-failed")
        throw ExitCode(3)
    }

    /// Records the job, shows what it will send and cost, and asks (or requires --yes).
    private func plan(_ judge: Judge, price: (input: Double, output: Double)?, model: String) throws -> Int64 {
        let options = JudgeOptions(direct: direct, poll: poll, batchRequests: batchRequests, batchBytes: batchBytes)
        let plan = try judge.plan(files: files, output: output ?? "", options: options)
        let how = direct.map { "directly, \($0) at a time" } ?? "in \(plan.batches) batch(es)"
        Self.say("judge job \(plan.job): \(plan.requests) request(s) \(how)" + (plan.skipped > 0 ? "; \(plan.skipped) record(s) skipped" : ""))
        var line = "estimated input ≈ \(plan.inputTokens) tokens, output ≤ \(plan.maxOutputTokens) tokens"
        let cost = price.map { plan.cost(inputPrice: $0.input, outputPrice: $0.output, direct: direct != nil) }
        if let cost {
            line += String(format: "; cost ≤ $%.2f", cost) + (direct == nil ? " at the batch price (half of \(model)'s)" : "")
        } else {
            line += "; cost unknown: no price for \(model) in init.lua (teachback.config{prices = …})"
        }
        Self.say(line)
        func refuse(_ why: String) throws -> Never {
            try? judge.store.deleteJudgeJob(plan.job)
            Self.say("error: \(why); job not submitted")
            throw ExitCode(2)
        }
        if let maxCost {
            guard let cost else { try refuse("--max-cost needs the model's price in init.lua") }
            if cost > maxCost { try refuse(String(format: "the job may cost $%.2f, above --max-cost $%.2f", cost, maxCost)) }
        }
        if plan.requests == 0 { try refuse("no turns to judge in the input") }
        if !yes {
            guard isatty(0) == 1 else { try refuse("stdin is not a terminal: pass --yes to submit") }
            FileHandle.standardError.write(Data("Submit? [y/N] ".utf8))
            guard let answer = readLine(), answer.lowercased().hasPrefix("y") else {
                try? judge.store.deleteJudgeJob(plan.job)
                Self.say("not submitted")
                throw ExitCode.success
            }
        }
        Self.say("resume after any interruption with: teachback judge --resume \(plan.job)")
        return plan.job
    }

    static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// A runtime failure with its one-line reason (exit 1).
struct JudgeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
