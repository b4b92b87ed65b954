import Foundation

/// Where a target's files go and what they are called, as Glue (Spark) lays them out.
///
/// ```
/// s3://bucket/path/country=DE/year=2024/run-1732270000000-part-r-00000
///                  └─ one key=value folder per partition key, in PartitionKeys order
/// ```
public enum OutputLayout {
    /// Spark's folder name for a null or empty partition value.
    public static let defaultPartitionName = "__HIVE_DEFAULT_PARTITION__"

    /// A partition value escaped as Spark escapes path names (`ExternalCatalogUtils.escapePathName`):
    /// `"`, `#`, `%`, `'`, `*`, `/`, `:`, `=`, `?`, `\`, DEL, `{`, `[`, `]`, `^` and control
    /// characters become `%XX`; null or empty becomes `__HIVE_DEFAULT_PARTITION__`.
    public static func escapePartitionValue(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return defaultPartitionName }
        var escaped = ""
        for scalar in value.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escaped += "%" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || scalar.value == 0x7F { return true }
        return "\"#%'*/:=?\\{[]^".unicodeScalars.contains(scalar)
    }

    /// The relative folder of one partition: `k1=v1/k2=v2/` (empty without partition keys).
    public static func partitionFolder(keys: [String], values: [String?]) -> String {
        zip(keys, values).map { escapePartitionValue($0) + "=" + escapePartitionValue($1) }.map { $0 + "/" }.joined()
    }

    /// The name of a text-format file of Glue's DynamicFrame writer: `run-MILLIS-part-r-NNNNN`,
    /// with `.gz` when gzip-compressed.
    public static func dynamicFrameFileName(runStartMillis: Int64, part: Int, gzip: Bool) -> String {
        "run-\(runStartMillis)-part-r-\(fiveDigits(part))" + (gzip ? ".gz" : "")
    }

    /// The name of a file of Glue's Parquet writer (`glueparquet`):
    /// `run-MILLIS-part-block-0-r-NNNNN-CODEC.parquet`.
    public static func glueParquetFileName(runStartMillis: Int64, part: Int, codec: String) -> String {
        "run-\(runStartMillis)-part-block-0-r-\(fiveDigits(part))-\(codec).parquet"
    }

    /// The name of a file of Spark's DataFrame writer: `part-NNNNN-UUID-c000.CODEC.parquet`.
    public static func sparkFileName(part: Int, jobUUID: UUID, codec: String?, extension fileExtension: String) -> String {
        "part-\(fiveDigits(part))-\(jobUUID.uuidString.lowercased())-c000" + (codec.map { ".\($0)" } ?? "") + ".\(fileExtension)"
    }

    static func fiveDigits(_ value: Int) -> String {
        let digits = String(value)
        return digits.count >= 5 ? digits : String(repeating: "0", count: 5 - digits.count) + digits
    }
}
