// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Versus",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "VersusCore", targets: ["VersusCore"]),
        .library(name: "VersusImport", targets: ["VersusImport"]),
        .executable(name: "versus", targets: ["versus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        .target(
            name: "VersusCore",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // models.dev → Content/imports/models-dev/: the only target that reads TOML. No network.
        .target(
            name: "VersusImport",
            dependencies: [
                "VersusCore",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The preview server: Hummingbird serving the output folder, a watcher, live reload. No site logic.
        .target(
            name: "VersusServe",
            dependencies: [
                "VersusCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // versus generate: measures a model served on this machine and writes Content/measurements/. The only
        // target that makes HTTP requests (AsyncHTTPClient); percentiles come from HdrHistogram.
        .target(
            name: "VersusMeasure",
            dependencies: [
                "VersusCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .executableTarget(
            name: "versus",
            dependencies: [
                "VersusCore",
                "VersusImport",
                "VersusServe",
                "VersusMeasure",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // `versus --version` names the commit it was built from (none when built without git).
            plugins: ["BuildCommit"]
        ),
        .plugin(name: "BuildCommit", capability: .buildTool()),
        // What more than one test target needs (temporary folders removed when the tests exit).
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "VersusCoreTests",
            dependencies: ["VersusCore", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "VersusServeTests",
            dependencies: ["VersusServe"]
        ),
        .testTarget(
            name: "VersusMeasureTests",
            dependencies: [
                "VersusMeasure",
                "VersusCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "VersusImportTests",
            dependencies: ["VersusImport", "VersusCore", "TestSupport"],
            // Read in place through #filePath: the fixtures hold link stand-ins that must stay as written.
            exclude: ["Fixtures"]
        ),
    ]
)
