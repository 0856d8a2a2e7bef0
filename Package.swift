// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Tributary",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tributary", targets: ["tributary"]),
        .library(name: "LibXML", targets: ["LibXML"]),
        .library(name: "Syndication", targets: ["Syndication"]),
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .library(name: "FeedValidator", targets: ["FeedValidator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
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
        .executableTarget(
            name: "tributary",
            dependencies: [
                "Syndication",
                "Analysis",
                "Extraction",
                "FeedValidator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
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
            name: "TributaryCLITests",
            dependencies: [],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
    ]
)
