// swift-tools-version: 6.0
import PackageDescription

#if canImport(Glibc)
    import Glibc
#endif

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
]

// Release executables on Linux carry the Swift runtime and Foundation inside them: a process starts
// in about 7 ms instead of 11-13 (README, "Release builds"). lld, shipped with the toolchain,
// because gold warns about a mktemp call inside the static Foundation. --no-export-dynamic undoes
// the toolchain's static-stdlib-args.lnk, which exports all 43,000 symbols: the runtime's dladdr
// at start then searched them all. Every target compiles with -static-stdlib as well
// (swiftSettings), so that its objects name the static libraries to link.
//
// With glibc 2.36 or later (the C library this machine builds and runs against), relative
// relocations are packed (DT_RELR): the table the loader reads whole at start shrinks from 3.2 MB
// to 28 KB, and so does the resident set of every run.
let linkerSettings: [LinkerSetting] = [
    .unsafeFlags(
        ["-static-stdlib", "-use-ld=lld", "-Xlinker", "--no-export-dynamic"]
            + (glibcPacksRelocations ? ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"] : []),
        .when(platforms: [.linux], configuration: .release))
]

/// Whether the C library reads packed relative relocations (glibc 2.36 and later), unless
/// `TRIBUTARY_NO_RELR` is set: a binary built here to run on an older system must not use them.
var glibcPacksRelocations: Bool {
    #if canImport(Glibc)
        guard getenv("TRIBUTARY_NO_RELR") == nil else { return false }
        var buffer = [CChar](repeating: 0, count: 64)
        guard confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count) > 0 else { return false }
        let version = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)  // "glibc 2.36"
        let numbers = version.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
        return numbers.count >= 2 && (numbers[0], numbers[1]) >= (2, 36)
    #else
        return false
    #endif
}

let package = Package(
    name: "Tributary",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tributary", targets: ["tributary"]),
        .library(name: "LibXML", targets: ["LibXML"]),
        .library(name: "Syndication", targets: ["Syndication"]),
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .library(name: "Aggregation", targets: ["Aggregation"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Server", targets: ["Server"]),
        .library(name: "FeedValidator", targets: ["FeedValidator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "LibXML",
            dependencies: ["CLibXML2"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Syndication",
            dependencies: ["LibXML"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Extraction",
            dependencies: ["LibXML"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FeedValidator",
            dependencies: ["LibXML"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Analysis",
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Store",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "store-crash-probe",
            dependencies: ["Store"],
            swiftSettings: swiftSettings,
            linkerSettings: linkerSettings
        ),
        .target(
            name: "Aggregation",
            dependencies: [
                "Syndication",
                "Extraction",
                "Analysis",
                "Store",
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Server",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "tributary",
            dependencies: [
                "Aggregation",
                "Store",
                "Syndication",
                "Analysis",
                "Extraction",
                "Server",
                "FeedValidator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: linkerSettings
        ),
        .testTarget(
            name: "LibXMLTests",
            dependencies: ["LibXML"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SyndicationTests",
            dependencies: ["Syndication"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FeedValidatorTests",
            dependencies: ["FeedValidator"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnalysisTests",
            dependencies: ["Analysis"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AggregationTests",
            dependencies: [
                "Aggregation",
                "Store",
                "Syndication",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TributaryCLITests",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client")
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
    ]
)
