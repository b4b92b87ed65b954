import Foundation
import GlueColumnar

/// The bookmark of one S3 source (one `transformation_ctx`), in the shape Glue stores it:
///
/// ```json
/// {"jsonClass": "HadoopDataSourceJobBookmarkState",
///  "timestamps": {"RUN": "2", "HIGH_BAND": "900000", "CURR_LATEST_PARTITION": "0",
///                 "CURR_LATEST_PARTITIONS": "", "CURR_RUN_START_TIME": "2024-10-28T02:12:06.503Z",
///                 "INCLUDE_LIST": "f437cb05...,5383de8c..."}}
/// ```
///
/// The rule (Glue's band rule): an object counts as processed when it was last modified before
/// the previous run's start minus the band, or when it falls inside the band and its hash (key and
/// modification time) is in the include list. So new and modified objects are read, and an object
/// written just before a run started is never lost nor read twice.
public struct S3BookmarkState: Sendable, Equatable {
    /// The number of successful runs that advanced this state.
    public var run: Int
    /// The band in milliseconds (`maxBand`, default 900,000 = 15 minutes).
    public var highBandMillis: Int64
    /// When the run that wrote this state started.
    public var runStartTime: Date
    /// Hashes of the objects inside the band that were processed.
    public var includeList: Set<String>

    /// The default band (Glue's `maxBand`).
    public static let defaultBandMillis: Int64 = 900_000

    /// Creates a state.
    public init(run: Int, highBandMillis: Int64 = defaultBandMillis, runStartTime: Date, includeList: Set<String>) {
        self.run = run
        self.highBandMillis = highBandMillis
        self.runStartTime = runStartTime
        self.includeList = includeList
    }

    /// The hash Glue keeps for an in-band object: of its key and modification time, so a rewrite is
    /// seen as new.
    public static func objectHash(key: String, lastModified: Date) -> String {
        // FNV-1a over the UTF-8 key and the millisecond timestamp: stable across runs and machines.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        var millis = UInt64(bitPattern: Int64((lastModified.timeIntervalSince1970 * 1_000).rounded()))
        for _ in 0..<8 {
            hash ^= millis & 0xFF
            hash = hash &* 0x100_0000_01b3
            millis >>= 8
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A date's milliseconds since the epoch, rounded down (the precision of the saved state).
    static func wholeMillis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded(.down)) }

    /// Whether this state says the object was already processed.
    public func hasProcessed(key: String, lastModified: Date) -> Bool {
        let bandStart = runStartTime.addingTimeInterval(-Double(highBandMillis) / 1_000)
        if lastModified < bandStart { return true }
        // `CURR_RUN_START_TIME` is kept in whole milliseconds, so an object modified in the same
        // millisecond as the run start (but before it) compares by millisecond, not below it.
        if Self.wholeMillis(lastModified) <= Self.wholeMillis(runStartTime) {
            return includeList.contains(Self.objectHash(key: key, lastModified: lastModified))
        }
        return false
    }

    /// The state after a run that started at `runStart` processed `objects`.
    public func advanced(runStart: Date, processed objects: [(key: String, lastModified: Date)], bandMillis: Int64) -> S3BookmarkState {
        S3BookmarkState.initial(runStart: runStart, processed: objects, bandMillis: bandMillis, run: run + 1)
    }

    /// The state after a first run.
    public static func initial(runStart: Date, processed objects: [(key: String, lastModified: Date)], bandMillis: Int64, run: Int = 1) -> S3BookmarkState {
        let bandStart = runStart.addingTimeInterval(-Double(bandMillis) / 1_000)
        let inBand = objects.filter { $0.lastModified >= bandStart && $0.lastModified <= runStart }
        return S3BookmarkState(
            run: run, highBandMillis: bandMillis, runStartTime: runStart,
            includeList: Set(inBand.map { objectHash(key: $0.key, lastModified: $0.lastModified) }))
    }

    // MARK: Glue's JSON form

    /// `2024-10-28T02:12:06.503Z`, Glue's form of the run start time.
    static func isoText(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1_000).rounded(.down))
        let (days, millisOfDay) = (millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000, ((millis % 86_400_000) + 86_400_000) % 86_400_000)
        let civil = CivilDate(daysSinceEpoch: Int(days))
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let seconds = millisOfDay / 1_000
        return "\(pad(Int64(civil.year), 4))-\(pad(Int64(civil.month), 2))-\(pad(Int64(civil.day), 2))T"
            + "\(pad(seconds / 3_600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(millisOfDay % 1_000, 3))Z"
    }

    /// Parses ``isoText(_:)``'s form (fraction optional).
    static func parseISO(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { "-T:.Z".contains($0) }).map { Int($0) }
        guard parts.count >= 6, parts.allSatisfy({ $0 != nil }), text.hasSuffix("Z") else { return nil }
        let values = parts.compactMap { $0 }
        let date = CivilDate(year: values[0], month: values[1], day: values[2])
        guard date.isValid else { return nil }
        var seconds = Double(date.daysSinceEpoch) * 86_400 + Double(values[3] * 3_600 + values[4] * 60 + values[5])
        if values.count > 6 { seconds += Double(values[6]) / 1_000 }
        return Date(timeIntervalSince1970: seconds)
    }

    /// The state as Glue's JSON object.
    public var jsonObject: [String: Any] {
        [
            "jsonClass": "HadoopDataSourceJobBookmarkState",
            "timestamps": [
                "RUN": String(run),
                "HIGH_BAND": String(highBandMillis),
                "CURR_LATEST_PARTITION": "0",
                "CURR_LATEST_PARTITIONS": "",
                "CURR_RUN_START_TIME": S3BookmarkState.isoText(runStartTime),
                "INCLUDE_LIST": includeList.sorted().joined(separator: ","),
            ],
        ]
    }

    /// Reads Glue's JSON object; `nil` when it is not an S3 state.
    public init?(jsonObject: Any) {
        guard let object = jsonObject as? [String: Any], let timestamps = object["timestamps"] as? [String: Any],
            let start = (timestamps["CURR_RUN_START_TIME"] as? String).flatMap(S3BookmarkState.parseISO)
        else { return nil }
        run = Int(timestamps["RUN"] as? String ?? "") ?? 0
        highBandMillis = Int64(timestamps["HIGH_BAND"] as? String ?? "") ?? S3BookmarkState.defaultBandMillis
        runStartTime = start
        let list = timestamps["INCLUDE_LIST"] as? String ?? ""
        includeList = Set(list.split(separator: ",").map(String.init))
    }
}
