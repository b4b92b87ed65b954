// swift-tools-version: 6.1
//
// LocalGlue's benchmarks: a nested package so that `swift build` of the main package never builds
// them. Build in release: `swift build -c release --package-path Benchmarks`.

import PackageDescription

let package = Package(
    name: "LocalGlueBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "LocalGlue", path: "..")],
    targets: [
        // Parquet scan and W4 (Parquet -> filter + project -> Parquet), timed against DuckDB by
        // scripts/run-parquet-bench.sh.
        .executableTarget(
            name: "ParquetBench",
            dependencies: [.product(name: "GlueParquet", package: "LocalGlue")]
        ),
        // W1 (a full typed parse of the events CSV), timed against DuckDB by scripts/run-csv-bench.sh.
        .executableTarget(
            name: "W1CSV",
            dependencies: [.product(name: "GlueCSV", package: "LocalGlue")],
            path: "Sources/W1CSV"
        ),
        // LocalFileSystemObjectStore: putObject/getObject throughput on 1 GB, listObjectsV2 over
        // 100,000 keys (run under /usr/bin/time -v for peak memory).
        .executableTarget(
            name: "StorageBench",
            dependencies: [.product(name: "GlueStorage", package: "LocalGlue")]
        ),
    ]
)
