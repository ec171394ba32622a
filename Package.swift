// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "teachback",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "teachback", targets: ["teachback"]),
        .executable(name: "fake-claude", targets: ["fake-claude"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // System libraries from Debian (see `make setup`).
        .systemLibrary(name: "CLua", pkgConfig: "lua5.4", providers: [.apt(["liblua5.4-dev"])]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // C shims for what Swift cannot do itself: Lua macros and longjmp-raising callbacks,
        // libedit's and libcurl's variadic calls.
        .target(name: "LuaShim", dependencies: ["CLua"]),
        .target(name: "EditLineShim", dependencies: ["CEditLine"]),
        .target(name: "CurlShim", dependencies: ["CCurl"]),

        .target(name: "TeachBack"),
        .target(name: "LuaHost", dependencies: ["TeachBack", "LuaShim", "CLua"]),
        .target(name: "Claude", dependencies: ["TeachBack", "CurlShim", "CCurl"]),
        .target(name: "Store", dependencies: ["TeachBack", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Research", dependencies: ["TeachBack", "Claude", "Store"]),
        .target(name: "REPL", dependencies: ["TeachBack", "LuaHost", "Store", "EditLineShim", "CEditLine"]),
        // `teachback mcp`: the teaching tools over the Model Context Protocol.
        .target(name: "MCPServer", dependencies: ["TeachBack", "LuaHost", "Store", .product(name: "MCP", package: "swift-sdk"),
                                                  .product(name: "Logging", package: "swift-log")]),
        // The HTML report: SVG charts and the page, from plain values (no I/O).
        .target(name: "Report", dependencies: ["TeachBack"]),
        .executableTarget(name: "teachback", dependencies: [
            "REPL", "MCPServer", "Research", "Report", "TeachBack", "LuaHost", "Claude", "Store",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // A stand-in for the Messages API on loopback, for tests, benchmarks and demos.
        .target(name: "FakeClaude", dependencies: ["TeachBack"]),
        .executableTarget(name: "fake-claude", dependencies: [
            "FakeClaude",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // `make soak`: a long run against a failing server.
        .executableTarget(name: "Soak", dependencies: ["TeachBack", "LuaHost", "Claude", "Store", "FakeClaude"], path: "Soak"),
        // `make bench`: prints a Markdown table and writes bench/results.json (Benchmarks/README.md).
        .executableTarget(name: "Benchmarks", dependencies: ["TeachBack", "LuaHost", "Claude", "FakeClaude", "Report", "Research"],
                          path: "Benchmarks", exclude: ["reference_analytics.py", "generate_sessions.py", "README.md"]),

        .testTarget(name: "TeachBackTests", dependencies: ["TeachBack"]),
        .testTarget(name: "FakeClaudeTests", dependencies: ["FakeClaude", "TeachBack"]),
        .testTarget(name: "LuaHostTests", dependencies: ["LuaHost", "TeachBack", "LuaShim", "CLua"], exclude: ["Fixtures"]),
        .testTarget(name: "ClaudeTests", dependencies: ["Claude", "TeachBack", "FakeClaude"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TeachBack", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ResearchTests", dependencies: ["Research", "TeachBack", "LuaHost", "Claude", "Store", "FakeClaude"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "TeachBack"], exclude: ["Snapshots"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "TeachBack", "LuaHost", "Store"]),
        .testTarget(name: "MCPServerTests", dependencies: ["MCPServer", "TeachBack", "LuaHost", "Store", .product(name: "MCP", package: "swift-sdk")]),
        .target(name: "PTYShim", path: "Tests/PTYShim"),
        .testTarget(name: "EndToEndTests", dependencies: ["PTYShim", "FakeClaude"], exclude: ["MCP"]),
    ],
    swiftLanguageModes: [.v6]
)
