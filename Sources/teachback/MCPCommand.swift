import ArgumentParser
import Foundation
import MCP
import MCPServer
import Store
import TeachBack

/// `teachback mcp`: the teaching tools over MCP on stdin and stdout, for Claude Desktop, Claude
/// Code or any MCP client. Runs until the client closes stdin (or SIGTERM/SIGHUP).
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the teaching tools over the Model Context Protocol on stdin/stdout.",
        discussion: "Add it to Claude Code with `claude mcp add teachback -- teachback mcp`. Log lines go to stderr.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let wiring = try await Wiring(common)
        if let warning = wiring.storeWarning { Self.log("warning: \(warning)") }
        let service = TeachingService(host: wiring.host, backend: wiring.backend(), store: wiring.store, saving: wiring.savingStore,
                                      parallel: wiring.parallel, defaultMode: wiring.mode)
        let terminator = Terminator()
        terminator.install { _ in
            Task { Foundation.exit(await Self.finish(service, environment: wiring.environment)) }
        }
        let transport = LineTransport()
        let server = try await TeachingServer(service: service).start(on: transport, version: TeachbackCommand.version)
        await server.waitUntilCompleted()
        await transport.drain()
        let code = await Self.finish(service, environment: wiring.environment)
        if code != 0 { throw ExitCode(code) }
    }

    /// Ends every session; turns the database would not take go to a rescue file (exit 1).
    static func finish(_ service: TeachingService, environment: [String: String]) async -> Int32 {
        let unsaved = await service.finish()
        guard !unsaved.isEmpty else { return 0 }
        log("warning: " + RescueFile.rescue(unsaved, environment: environment))
        return 1
    }

    static func log(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
