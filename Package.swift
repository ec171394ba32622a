// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "teachback",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "teachback", targets: ["teachback"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries from Debian (see `make setup`).
        .systemLibrary(name: "CLua", pkgConfig: "lua5.4", providers: [.apt(["liblua5.4-dev"])]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),

        // C shims for what Swift cannot do itself: Lua macros and longjmp-raising callbacks,
        // libedit's variadic el_set/history calls.
        .target(name: "LuaShim", dependencies: ["CLua"]),
        .target(name: "EditLineShim", dependencies: ["CEditLine"]),

        .target(name: "TeachBack"),
        .target(name: "LuaHost", dependencies: ["TeachBack", "LuaShim", "CLua"]),
        .target(name: "REPL", dependencies: ["TeachBack", "LuaHost", "EditLineShim", "CEditLine"]),
        .executableTarget(name: "teachback", dependencies: [
            "REPL", "TeachBack", "LuaHost",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "TeachBackTests", dependencies: ["TeachBack"]),
        .testTarget(name: "LuaHostTests", dependencies: ["LuaHost", "TeachBack"], exclude: ["Fixtures"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "TeachBack"]),
        .target(name: "PTYShim", path: "Tests/PTYShim"),
        .testTarget(name: "EndToEndTests", dependencies: ["PTYShim"]),
    ],
    swiftLanguageModes: [.v6]
)
