// swift-tools-version: 6.1
//
// LocalGlue: AWS Glue-style ETL jobs on one machine, with Glue's semantics and the job role's IAM
// policies enforced on every read and write. Targets are layered; arrows only point down
// (see ARCHITECTURE.md, checked by scripts/check-layers.sh).

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "LocalGlue",
    platforms: [.macOS(.v15)],
    products: [
        .library(
            name: "LocalGlue",
            targets: [
                "GlueCore", "GlueColumnar", "GlueJSON", "GlueCSV", "GlueIAM", "GlueParquet", "GlueTransforms", "GlueExecution", "GlueSQL",
                "GlueStorage", "GlueCatalog", "GlueJobs", "GlueCLI",
            ]),
        .library(name: "GlueJobs", targets: ["GlueJobs"]),
        .library(name: "GlueTesting", targets: ["GlueTesting"]),
        .library(name: "GlueColumnar", targets: ["GlueColumnar"]),
        .library(name: "GlueParquet", targets: ["GlueParquet"]),
        .library(name: "GlueCSV", targets: ["GlueCSV"]),
        .library(name: "GlueJSON", targets: ["GlueJSON"]),
        .library(name: "GlueIAM", targets: ["GlueIAM"]),
        .library(name: "GlueStorage", targets: ["GlueStorage"]),
        .library(name: "GlueCatalog", targets: ["GlueCatalog"]),
        .executable(name: "localglue", targets: ["localglue"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Level 0
        .target(name: "GlueCore", swiftSettings: strictSettings),
        .systemLibrary(name: "CXattr", path: "Sources/CXattr"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        // Level 1
        .target(name: "GlueColumnar", dependencies: ["GlueCore"], swiftSettings: strictSettings),
        .target(name: "GlueCompression", dependencies: ["GlueCore", "CZlib"], swiftSettings: strictSettings),
        .target(
            name: "GlueIAM",
            dependencies: ["GlueCore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["ManagedPolicies", "Validation/ActionTables"],
            swiftSettings: strictSettings
        ),
        // Level 2
        .target(name: "GlueCSV", dependencies: ["GlueCore", "GlueColumnar", "GlueCompression"], swiftSettings: strictSettings),
        .target(name: "GlueJSON", dependencies: ["GlueCore", "GlueColumnar", "GlueCompression"], swiftSettings: strictSettings),
        .target(
            name: "GlueStorage",
            dependencies: ["GlueCore", "GlueIAM", "CXattr", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GlueParquet",
            dependencies: ["GlueCore", "GlueColumnar", "GlueCompression", "CSnappy", "CZstd", "CLZ4"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GlueCatalog",
            dependencies: ["GlueCore", "GlueIAM", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(name: "GlueTransforms", dependencies: ["GlueCore", "GlueColumnar"], swiftSettings: strictSettings),
        // Level 3
        .target(name: "GlueExecution", dependencies: ["GlueCore", "GlueColumnar", "GlueTransforms"], swiftSettings: strictSettings),
        .target(name: "GlueSQL", dependencies: ["GlueCore", "GlueColumnar", "GlueTransforms"], swiftSettings: strictSettings),

        // Level 4
        .target(
            name: "GlueJobs",
            dependencies: [
                "GlueCore", "GlueColumnar", "GlueStorage", "GlueParquet", "GlueCSV", "GlueJSON", "GlueTransforms", "GlueExecution", "GlueSQL",
                "GlueIAM", "GlueCatalog", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // Level 5
        .target(
            name: "GlueExport",
            dependencies: ["GlueCore", "GlueCSV", "GlueJobs", "GlueSQL", "GlueTransforms", "GlueIAM", "GlueCatalog", "GlueStorage"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GlueCLI",
            dependencies: [
                "GlueCore", "GlueCSV", "GlueJSON", "GlueColumnar", "GlueJobs", "GlueExport", "GlueStorage", "GlueIAM", "GlueParquet",
                "GlueCatalog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GlueTesting",
            dependencies: [
                "GlueCore", "GlueColumnar", "GlueCSV", "GlueJobs", "GlueStorage", "GlueIAM", "GlueCatalog",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // Level 6
        .executableTarget(name: "localglue", dependencies: ["GlueCLI"], swiftSettings: strictSettings),

        .testTarget(name: "GlueCoreTests", dependencies: ["GlueCore"], swiftSettings: strictSettings),
        .testTarget(name: "GlueColumnarTests", dependencies: ["GlueColumnar"], swiftSettings: strictSettings),
        .testTarget(name: "GlueCompressionTests", dependencies: ["GlueCompression", "GlueCore"], swiftSettings: strictSettings),
        .testTarget(name: "GlueCSVTests", dependencies: ["GlueCSV", "GlueCore", "GlueColumnar"], swiftSettings: strictSettings),
        .testTarget(name: "GlueJSONTests", dependencies: ["GlueJSON", "GlueCore", "GlueColumnar"], swiftSettings: strictSettings),
        .testTarget(name: "GlueTransformsTests", dependencies: ["GlueTransforms", "GlueColumnar", "GlueCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "GlueExecutionTests", dependencies: ["GlueExecution", "GlueTransforms", "GlueColumnar", "GlueCore"],
            exclude: ["Golden", "Interop"], swiftSettings: strictSettings),
        .testTarget(
            name: "GlueSQLTests", dependencies: ["GlueSQL", "GlueExecution", "GlueTransforms", "GlueColumnar", "GlueCore"],
            exclude: ["Interop"], swiftSettings: strictSettings),
        .testTarget(
            name: "GlueIAMTests",
            dependencies: ["GlueIAM", "GlueCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GlueJobsTests",
            dependencies: ["GlueJobs", "GlueStorage", "GlueCatalog", "GlueIAM", "GlueCore", "GlueColumnar", "GlueCSV", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GlueExportTests",
            dependencies: [
                "GlueExport", "GlueJobs", "GlueCatalog", "GlueIAM", "GlueCore", "GlueStorage", "GlueTesting", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden", "Jobs"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GlueTestingTests",
            dependencies: ["GlueTesting", "GlueJobs", "GlueCore", "GlueColumnar", "GlueTransforms", "GlueStorage"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GlueCLITests",
            dependencies: ["GlueCLI", "GlueCore", "GlueColumnar", "GlueStorage", "GlueParquet", "GlueIAM"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GlueStorageTests",
            dependencies: ["GlueStorage", "GlueCore", "GlueIAM", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GlueParquetTests",
            dependencies: ["GlueParquet", "GlueCore", "GlueColumnar"],
            exclude: ["Interop"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["GlueCLI"],
            exclude: ["Cases"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GlueCatalogTests",
            dependencies: ["GlueCatalog", "GlueCore", "GlueIAM", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["botocore_shapes.py"],
            swiftSettings: strictSettings
        ),
    ]
)
