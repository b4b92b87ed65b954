import GlueJobs

/// Shipped orders' revenue by customer country, as a Glue job written in Swift.
///
/// Arguments (as `--name value` job or run arguments):
/// - `--orders_path`: CSV files with a header (`order_id,customer_id,status,amount`);
/// - `--customers_path`: JSON Lines (`{"id": ..., "name": ..., "country": ...}`);
/// - `--output_path`: where the Parquet result goes, partitioned by `country`.
///
/// With `--job-bookmark-option job-bookmark-enable`, each run reads only the order files added
/// since the last successful run (`transformationContext: "orders"`).
public let ordersJob = SwiftJob("orders-by-country") { glueContext in
    let args = try getResolvedOptions(glueContext.arguments, ["JOB_NAME", "orders_path", "customers_path", "output_path"])
    let job = try Job(glueContext, name: args["JOB_NAME"], arguments: args)

    let orders = try glueContext.createDynamicFrame(
        fromOptions: "s3", connectionOptions: ["paths": [args["orders_path", default: ""]]],
        format: "csv", formatOptions: ["withHeader": true], transformationContext: "orders")
    // No transformationContext: a lookup table is read whole on every run. With one, a bookmarked
    // run would see only new customer files (none, usually) and the join would find nothing.
    let customers = try glueContext.createDynamicFrame(
        fromOptions: "s3", connectionOptions: ["paths": [args["customers_path", default: ""]]], format: "json")

    let totals = try OrdersTransform.revenueByCountry(orders: orders, customers: customers)

    try glueContext.writeDynamicFrame(
        totals, fromOptions: "s3",
        connectionOptions: ["path": .text(args["output_path", default: ""]), "partitionKeys": ["country"]],
        format: "glueparquet", formatOptions: ["compression": "snappy"], transformationContext: "revenue")
    job.commit()
}

/// The job's logic as a function of frames, so that tests can give it frames built from literals.
public enum OrdersTransform {
    /// Shipped orders joined with their customers, summed by country.
    ///
    /// - Throws: `InvalidInputException` when the inputs lack a column the transform needs.
    public static func revenueByCountry(orders: DynamicFrame, customers: DynamicFrame) throws(GlueError) -> DynamicFrame {
        let shipped = try orders
            .applyMapping(
                [
                    ("order_id", "long", "order_id", "long"),
                    ("customer_id", "string", "customer_id", "string"),
                    ("status", "string", "status", "string"),
                    ("amount", "double", "amount", "double"),
                ], transformationContext: "typed")
            // A Spark SQL condition, checked against the schema now and run vectorized (a Swift
            // closure, `.filter { record in ... }`, also works, one record at a time).
            .filter(where: "status = 'SHIPPED'", transformationContext: "shipped")
        return try shipped
            .join(["customer_id"], ["id"], customers.selectFields(["id", "country"]), transformationContext: "with_customers")
            .aggregate(groupBy: ["country"], [(column: "amount", function: "sum"), (column: "order_id", function: "count")], transformationContext: "by_country")
            .renameField("sum(amount)", "revenue")
            .renameField("count(order_id)", "orders")
    }
}
