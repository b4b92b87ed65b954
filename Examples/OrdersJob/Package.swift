// swift-tools-version: 6.1
//
// An example Swift job package built against LocalGlue: the job (library `OrdersJob`), its own
// `localglue` with the job registered (executable `orders-localglue`), and tests that run the job
// against an in-memory lake with `GlueTesting`. `make test` in the repository builds and tests it.

import PackageDescription

let package = Package(
    name: "OrdersJob",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "OrdersJob", targets: ["OrdersJob"]),
        .executable(name: "orders-localglue", targets: ["orders-localglue"]),
    ],
    dependencies: [
        // A user's package would depend on the repository by URL; this example uses the checkout it lives in.
        .package(name: "LocalGlue", path: "../.."),
    ],
    targets: [
        .target(name: "OrdersJob", dependencies: [.product(name: "GlueJobs", package: "LocalGlue")]),
        .executableTarget(
            name: "orders-localglue",
            dependencies: ["OrdersJob", .product(name: "LocalGlue", package: "LocalGlue")]),
        .testTarget(
            name: "OrdersJobTests",
            dependencies: ["OrdersJob", .product(name: "GlueTesting", package: "LocalGlue"), .product(name: "GlueJobs", package: "LocalGlue")],
            exclude: ["Golden"]),
    ]
)
