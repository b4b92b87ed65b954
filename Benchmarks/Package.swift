// swift-tools-version: 6.2
//
// LocalGlue's benchmarks: a nested package, so the main package's `swift build`, `swift test` and
// `make test` never build the benchmark stack. Micro-benchmarks run with `make bench-micro`
// (see README.md); ParquetBench builds with `swift build -c release --package-path Benchmarks`.

import PackageDescription

let package = Package(
    name: "LocalGlueBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "LocalGlue", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Parquet scan and W4 (Parquet -> filter + project -> Parquet), timed against DuckDB by
        // scripts/run-parquet-bench.sh.
        .executableTarget(
            name: "ParquetBench",
            dependencies: [.product(name: "GlueParquet", package: "LocalGlue")]
        ),
        // W1 (typed parse of the standard CSV) against DuckDB: scripts/run-csv-bench.sh.
        .executableTarget(
            name: "W1CSV",
            dependencies: [.product(name: "GlueCSV", package: "LocalGlue")],
            path: "Sources/W1CSV"
        ),
        // The JSON Lines reader on the events file against DuckDB's read_json:
        // scripts/run-json-bench.sh.
        .executableTarget(
            name: "JSONBench",
            dependencies: [.product(name: "GlueJSON", package: "LocalGlue")],
            path: "Sources/JSONBench"
        ),
        // LocalFileSystemObjectStore: putObject/getObject throughput on 1 GB, listObjectsV2 over
        // 100,000 keys (run under /usr/bin/time -v for peak memory).
        .executableTarget(
            name: "StorageBench",
            dependencies: [.product(name: "GlueStorage", package: "LocalGlue")]
        ),
        // The pipeline engine's compute: W3's group by on data in memory (paired with DuckDB by
        // scripts/w3-duckdb-compute.py) and rows/s per operator.
        .executableTarget(
            name: "PipelineBench",
            dependencies: [.product(name: "LocalGlue", package: "LocalGlue"), .product(name: "GlueParquet", package: "LocalGlue")]
        ),
        // ordo-one/benchmark suites: one executable per suite under Benchmarks/<Name>/<Name>.swift.
        .executableTarget(
            name: "ColumnarKernelBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "GlueColumnar", package: "LocalGlue"),
            ],
            path: "Benchmarks/ColumnarKernelBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The engine's building blocks on the events shape: CSV decode, Parquet encode/decode,
        // hash aggregate and join, one IAM decision, one listing page.
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LocalGlue", package: "LocalGlue"),
                .product(name: "GlueStorage", package: "LocalGlue"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // One IAM decision against a role with 5 policies / 50 statements (median per decision).
        .executableTarget(
            name: "IAMBench",
            dependencies: [.product(name: "GlueIAM", package: "LocalGlue")]
        ),
        // The Data Catalog at crawler scale: BatchCreatePartition of 10,000 partitions (batches of
        // 100) and GetPartitions with expressions over them, on a lake database on disk.
        .executableTarget(
            name: "CatalogBench",
            dependencies: [.product(name: "GlueCatalog", package: "LocalGlue"), .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
