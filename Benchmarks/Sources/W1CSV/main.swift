// W1 of performance-anchors.md: a full typed parse of the events CSV with the explicit schema,
// computing count(*), sum(order_id), sum(customer_id), count(country), count(category),
// max(event_time), sum(quantity), sum(unit_price), count(discount), count(note).
//
// Usage: W1CSV FILE [WORKERS]   (prints one JSON line)

#if canImport(Glibc)
import Glibc
#endif
import GlueColumnar
import GlueCore
import GlueCSV

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: W1CSV FILE [WORKERS]")
    exit(2)
}
let path = arguments[1]
let workers = arguments.count > 2 ? Int(arguments[2]) ?? CSVReader.defaultWorkers : CSVReader.defaultWorkers

do {
    let schema = try Schema(parsing: """
        order_id bigint, customer_id bigint, country string, category string, event_time timestamp, \
        quantity int, unit_price double, discount double, note string
        """)
    let options = CSVOptions(withHeader: true, multiLine: true)
    let reader = try CSVReader(schema: schema, options: options, workers: workers)
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw GlueError(.noSuchKey, "cannot open \(path)") }
    defer { close(fd) }
    var rows = 0, sumOrder: Int64 = 0, sumCustomer: Int64 = 0, nCountry = 0, nCategory = 0
    var maxTime = Int64.min, sumQuantity: Int64 = 0, sumPrice = 0.0, nDiscount = 0, nNote = 0
    var errors = 0
    try reader.read(
        fileName: path,
        source: { (buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n < 0 { throw GlueError(.internalError, "read failed") }
            return n
        },
        onBatch: { (batch: RecordBatch) throws(GlueError) in
            rows += batch.rowCount
            if case .int64(let v) = batch.columns[0].storage { for x in v { sumOrder &+= x } }
            if case .int64(let v) = batch.columns[1].storage { for x in v { sumCustomer &+= x } }
            nCountry += batch.rowCount - batch.columns[2].nullCount
            nCategory += batch.rowCount - batch.columns[3].nullCount
            if case .int64(let v) = batch.columns[4].storage { for x in v where x > maxTime { maxTime = x } }
            if case .int32(let v) = batch.columns[5].storage { for x in v { sumQuantity += Int64(x) } }
            if case .float64(let v) = batch.columns[6].storage { for x in v { sumPrice += x } }
            nDiscount += batch.rowCount - batch.columns[7].nullCount
            nNote += batch.rowCount - batch.columns[8].nullCount
        },
        onError: { _ in errors += 1 })
    print(
        "{\"rows\": \(rows), \"sum_order_id\": \(sumOrder), \"sum_customer_id\": \(sumCustomer), \"n_country\": \(nCountry), \"n_category\": \(nCategory), \"max_ts\": \"\(TemporalFormat.timestamp(microseconds: maxTime))\", \"sum_qty\": \(sumQuantity), \"sum_price\": \(String(format: sumPrice)), \"n_discount\": \(nDiscount), \"n_note\": \(nNote), \"errors\": \(errors)}"
    )
} catch {
    print("error: \(error)")
    exit(1)
}

func String(format value: Double) -> String { (value * 100).rounded().description }
