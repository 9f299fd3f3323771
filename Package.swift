// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Ferry",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ferry", targets: ["ferry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
    ],
    targets: [
        // libgit2 and libcurl: headers at build time (libgit2-dev, libcurl4-openssl-dev), opened with dlopen on
        // first use (lazy.c) so commands that need neither start without loading them.
        .target(name: "CLibGit2"),
        .target(name: "CCurl"),
        // SQLite: module map + shim header.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),

        // Values only.
        .target(name: "FerryCore", dependencies: [
            "Yams",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .target(name: "Patch", dependencies: ["FerryCore"], resources: [.copy("Resources/patch-schema.json")]),
        .target(name: "Rendering", dependencies: [
            "FerryCore", "Patch", "GoTemplate",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .target(name: "GoTemplate", dependencies: [
            "FerryCore",
            .product(name: "OrderedCollections", package: "swift-collections"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
        ]),
        .target(name: "GitSource", dependencies: [
            "CLibGit2", "FerryCore",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "KubeClient", dependencies: [
            "CCurl", "FerryCore",
            .product(name: "Logging", package: "swift-log"),
        ], exclude: ["README.md"]),
        .target(name: "Diff", dependencies: ["FerryCore"]),
        .target(name: "Health", dependencies: ["FerryCore"]),
        .target(name: "Sync", dependencies: ["FerryCore", "Diff", "KubeClient"]),
        .target(name: "Store", dependencies: ["CSQLite", "FerryCore"]),
        .target(name: "Controller", dependencies: [
            "FerryCore", "Rendering", "GitSource", "KubeClient", "Diff", "Health", "Sync", "Store",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(name: "Sandbox", dependencies: [
            "FerryCore", "Store", "Patch",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Logging", package: "swift-log"),
        ], exclude: ["README.md"], resources: [.copy("Resources")]),
        .target(name: "Server", dependencies: [
            "FerryCore", "Controller", "Store", "Diff",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "FerryCLI", dependencies: [
            "FerryCore", "Rendering", "KubeClient", "Controller", "Sandbox", "Server", "Store",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Swift's static-stdlib link exports every symbol of the package's own objects (42,000) to the dynamic
        // symbol table; nothing looks them up, and the table costs about 1 ms at every start (the loader's
        // symbol lookups and the runtime's start-up dladdr walk it). Benchmarks/helm/README.md has the figures.
        .executableTarget(name: "ferry", dependencies: ["FerryCLI"],
                          linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "FerryCoreTests", dependencies: ["FerryCore"]),
        .testTarget(name: "PatchTests", dependencies: ["Patch"],
                    exclude: ["StrategicMerge/cases", "JSONPatch/cases", "regenerate.sh"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "TestSupport"],
                    exclude: ["Kustomize/cases", "Kustomize/regenerate.sh", "Kustomize/helm-shim", "Helm/charts", "Helm/regenerate.py",
                              "Helm/README.md"]),
        .testTarget(name: "GoTemplateTests", dependencies: [
            "GoTemplate", .product(name: "X509", package: "swift-certificates"),
        ]),
        .testTarget(name: "GitSourceTests", dependencies: ["GitSource"]),
        .testTarget(name: "KubeClientTests", dependencies: ["KubeClient", "Sandbox"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "KubeClient", "Patch", "TestSupport"], exclude: ["clients"]),
        .testTarget(name: "DiffTests", dependencies: ["Diff"]),
        .testTarget(name: "HealthTests", dependencies: ["Health"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SyncTests", dependencies: ["Sync"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "ControllerTests", dependencies: ["Controller", "GitSource", "KubeClient", "Store"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FerryCore", "ferry"]),
        .testTarget(name: "ServerTests", dependencies: ["Server"]),
        .testTarget(name: "FerryCLITests", dependencies: ["FerryCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
