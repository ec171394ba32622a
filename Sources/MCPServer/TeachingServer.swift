import Foundation
import MCP
import TeachBack

/// `teachback mcp`: the teaching tools, the sessions and personas as resources, and a
/// `teach-back` prompt, served over MCP. stdout carries protocol messages only; every log line
/// goes to stderr.
package struct TeachingServer: Sendable {
    let service: TeachingService
    package static let name = "teachback"

    package init(service: TeachingService) { self.service = service }

    /// A server with every handler registered, started on `transport`.
    package func start(on transport: any Transport, version: String) async throws -> Server {
        let server = Server(name: Self.name, version: version,
                            instructions: "Teach-back practice: the user explains a topic to a student persona, which analyses the explanation and asks back. Start with create_teaching_session, then call teach with each explanation.",
                            capabilities: .init(prompts: .init(listChanged: false), resources: .init(subscribe: false, listChanged: false),
                                                tools: .init(listChanged: false)))
        await registerTools(server)
        await registerResources(server)
        await registerPrompts(server)
        try await server.start(transport: transport)
        return server
    }

    // MARK: Tools

    private func registerTools(_ server: Server) async {
        await server.withMethodHandler(ListTools.self) { [service] _ in
            .init(tools: ToolCatalogue.all(modes: await service.modeNames()).map { $0.tool() })
        }
        await server.withMethodHandler(CallTool.self) { [self] params in
            let specs = ToolCatalogue.all(modes: await service.modeNames())
            guard let spec = specs.first(where: { $0.name == params.name }) else {
                throw MCPError.invalidParams("unknown tool '\(params.name)' (tools: \(specs.map(\.name).joined(separator: ", ")))")
            }
            do throws(ToolError) {
                let output = try await call(spec, ToolArguments(params.arguments, for: spec.name, parameters: spec.parameters))
                return .init(content: [.text(text: output.text, annotations: nil, _meta: nil)], structuredContent: Optional(output.structured), isError: false)
            } catch {
                return .init(content: [.text(text: error.description, annotations: nil, _meta: nil)], isError: true)
            }
        }
    }

    private func call(_ spec: ToolSpec, _ args: ToolArguments) async throws(ToolError) -> ToolOutput {
        let limit = ToolCatalogue.maxExplanationBytes
        let id = (args.string("session_id") ?? "").lowercased()
        switch spec.name {
        case "create_teaching_session":
            return try await service.createSession(userID: args.string("user_id") ?? "", topic: args.string("topic") ?? "",
                                                   mode: args.string("mode"))
        case "analyze_explanation":
            return try await service.analyze(sessionID: id, explanation: try args.text("explanation", limit: limit))
        case "generate_question":
            return try await service.generateQuestion(sessionID: id, explanation: try args.text("explanation", limit: limit),
                                                      analysis: try Self.analysis(args.value("analysis")), mode: args.string("mode"))
        case "get_session_summary":
            return try await service.summary(sessionID: id)
        case "teach":
            return try await service.teach(sessionID: id, explanation: try args.text("explanation", limit: limit))
        case "list_modes":
            return await service.listModes()
        case "list_sessions":
            let limit = args.integer("limit") ?? 20
            guard (1...500).contains(limit) else { throw ToolError("list_sessions: 'limit' must be from 1 to 500") }
            return try await service.listSessions(limit: limit)
        case "review_due":
            return try await service.reviewDue()
        case "rescore_text":
            return try await service.rescoreText(topic: args.string("topic") ?? "", explanation: try args.text("explanation", limit: limit))
        default:
            throw ToolError("\(spec.name) is declared but not served")
        }
    }

    /// `generate_question`'s analysis: the §3 object, scores within 0...1 (nothing is rescaled).
    static func analysis(_ value: Value?) throws(ToolError) -> Analysis {
        guard let object = value?.objectValue else { throw ToolError("generate_question: 'analysis' must be an object") }
        for key in ["clarity_score", "confidence_score"] {
            guard let score = object[key] else { continue }
            guard let number = score.doubleValue ?? score.intValue.map(Double.init), number.isFinite, (0...1).contains(number) else {
                throw ToolError("generate_question: analysis '\(key)' must be a number from 0 to 1")
            }
        }
        do {
            return try JSONDecoder().decode(Analysis.self, from: JSONEncoder().encode(Value.object(object)))
        } catch {
            throw ToolError("generate_question: 'analysis' is not an analysis object (confidence_score, clarity_score, knowledge_gaps, unexplained_jargon, strengths)")
        }
    }

    // MARK: Resources

    static let sessionScheme = "teachback://sessions/"
    static let modeScheme = "teachback://modes/"

    private func registerResources(_ server: Server) async {
        await server.withMethodHandler(ListResourceTemplates.self) { _ in
            .init(templates: [
                .init(uriTemplate: Self.sessionScheme + "{id}", name: "session", description: "A teach-back session as Markdown", mimeType: "text/markdown"),
                .init(uriTemplate: Self.modeScheme + "{name}", name: "persona", description: "A student persona and its script", mimeType: "text/markdown"),
            ])
        }
        await server.withMethodHandler(ListResources.self) { [service] _ in
            let modes = await service.modeNames().map {
                Resource(name: "persona \($0)", uri: Self.modeScheme + $0, mimeType: "text/markdown")
            }
            let sessions = await service.recentSessionIDs().map {
                Resource(name: "session \($0.prefix(8))", uri: Self.sessionScheme + $0, mimeType: "text/markdown")
            }
            return .init(resources: modes + sessions)
        }
        await server.withMethodHandler(ReadResource.self) { [service] params in
            let text: String
            do throws(ToolError) {
                if params.uri.hasPrefix(Self.sessionScheme) {
                    text = try await service.sessionMarkdown(String(params.uri.dropFirst(Self.sessionScheme.count)).lowercased())
                } else if params.uri.hasPrefix(Self.modeScheme) {
                    text = try await service.modeDocument(String(params.uri.dropFirst(Self.modeScheme.count)))
                } else {
                    throw ToolError("unknown resource \(params.uri) (teachback://sessions/{id}, teachback://modes/{name})")
                }
            } catch {
                throw MCPError.invalidParams(error.description)
            }
            return .init(contents: [.text(text, uri: params.uri, mimeType: "text/markdown")])
        }
    }

    // MARK: Prompts

    private func registerPrompts(_ server: Server) async {
        await server.withMethodHandler(ListPrompts.self) { _ in
            .init(prompts: [Prompt(name: "teach-back", description: "Practise a topic by teaching it: the assistant plays a student persona who asks back",
                                   arguments: [.init(name: "topic", description: "What you will explain", required: true),
                                               .init(name: "mode", description: "The student persona (see list_modes)", required: false)])])
        }
        await server.withMethodHandler(GetPrompt.self) { [service] params in
            guard params.name == "teach-back" else { throw MCPError.invalidParams("unknown prompt '\(params.name)' (prompts: teach-back)") }
            guard let topic = params.arguments?["topic"]?.trimmingCharacters(in: .whitespaces), !topic.isEmpty else {
                throw MCPError.invalidParams("teach-back: missing argument 'topic'")
            }
            let modes = await service.modeNames()
            let mode = params.arguments?["mode"] ?? service.defaultMode
            guard modes.contains(mode) else { throw MCPError.invalidParams("teach-back: no persona '\(mode)' (\(modes.joined(separator: ", ")))") }
            let persona = await service.persona(mode, topic: topic)
            let setup = """
                Let's do a teach-back session on \(topic). I will explain it; you are my student, not my teacher. \
                Play this persona: \(persona.system)
                After each of my explanations, say in one line how clear and confident it was and what I left out or \
                did not define, then ask one question this student would ask. Never lecture or give the answer.
                """
            return .init(description: "Teach-back on \(topic) with the \(mode) student",
                         messages: [.user(.text(text: setup)), .assistant(.text(text: persona.greeting))])
        }
    }
}
