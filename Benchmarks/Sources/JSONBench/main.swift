// The W1 aggregates over the JSON Lines form of the events file (scripts/make-events-jsonl.py):
// a full typed parse with the explicit schema, computing count(*), sum(order_id),
// sum(customer_id), count(country), count(category), max(event_time), sum(quantity),
// sum(unit_price), count(discount), count(note).
//
// Usage: JSONBench FILE [WORKERS] [bytes|tree]   (prints one JSON line; `tree` forces the
// JSONValue-tree path the reader used before its byte-level path)

#if canImport(Glibc)
import Glibc
#endif
import GlueColumnar
import GlueCore
import GlueJSON

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: JSONBench FILE [WORKERS] [bytes|tree]")
    exit(2)
}
let path = arguments[1]
let workers = arguments.count > 2 ? Int(arguments[2]) ?? JSONReader.defaultWorkers : JSONReader.defaultWorkers
let bytePath = arguments.count > 3 ? arguments[3] != "tree" : true

do {
    let schema = try Schema(parsing: """
        order_id bigint, customer_id bigint, country string, category string, event_time timestamp, \
        quantity int, unit_price double, discount double, note string
        """)
    var reader = try JSONReader(schema: schema, workers: workers)
    reader.usesBytePath = bytePath
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw GlueError(.noSuchKey, "cannot open \(path)") }
    defer { close(fd) }
    var rows = 0, sumOrder: Int64 = 0, sumCustomer: Int64 = 0, nCountry = 0, nCategory = 0
    var maxTime = Int64.min, sumQuantity: Int64 = 0, sumPrice = 0.0, nDiscount = 0, nNote = 0
    let stream = reader.stream(fileName: path) { (buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in
        let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
        if n < 0 { throw GlueError(.internalError, "read failed") }
        return n
    }
    var errors = 0
    while let batch = try stream.next() {
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
        errors += stream.takeErrors().count
    }
    errors += stream.takeErrors().count
    print(
        "{\"rows\": \(rows), \"sum_order_id\": \(sumOrder), \"sum_customer_id\": \(sumCustomer), \"n_country\": \(nCountry), \"n_category\": \(nCategory), \"max_ts\": \"\(TemporalFormat.timestamp(microseconds: maxTime))\", \"sum_qty\": \(sumQuantity), \"sum_price\": \((sumPrice * 100).rounded()), \"n_discount\": \(nDiscount), \"n_note\": \(nNote), \"errors\": \(errors)}"
    )
} catch {
    print("error: \(error)")
    exit(1)
}
