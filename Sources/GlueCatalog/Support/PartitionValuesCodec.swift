/// The stored form of a partition's values: a JSON array of strings, written canonically so that
/// equal value lists are equal text (the uniqueness key), and read back with a small byte parser
/// (GetPartitions decodes every row's values, so this is a hot path).
enum PartitionValuesCodec {
    static func encode(_ values: [String]) -> String {
        var out = "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        }
        return out + "]"
    }

    /// Parses a JSON array of strings; `nil` when the text is not one.
    static func decode(_ text: String) -> [String]? {
        if let values = text.utf8.withContiguousStorageIfAvailable({ decode(bytes: $0) }) { return values }
        return Array(text.utf8).withUnsafeBufferPointer { decode(bytes: $0) }
    }

    static func decode(bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var index = 0
        let count = bytes.count
        func skipSpace() {
            while index < count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }
        func hex4() -> UInt32? {
            guard index + 4 <= count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: return nil
                }
                value = value * 16 + digit
                index += 1
            }
            return value
        }
        var values: [String] = []
        skipSpace()
        guard index < count, bytes[index] == 0x5B else { return nil }
        index += 1
        skipSpace()
        if index < count, bytes[index] == 0x5D { return index + 1 == count ? [] : nil }
        while true {
            skipSpace()
            guard index < count, bytes[index] == 0x22 else { return nil }
            index += 1
            var scalars: [UInt8] = []
            var start = index
            while true {
                guard index < count else { return nil }
                let byte = bytes[index]
                if byte == 0x22 {
                    scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    index += 1
                    break
                }
                if byte == 0x5C {
                    scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    index += 1
                    guard index < count else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case 0x22: scalars.append(0x22)
                    case 0x5C: scalars.append(0x5C)
                    case 0x2F: scalars.append(0x2F)
                    case 0x62: scalars.append(0x08)
                    case 0x66: scalars.append(0x0C)
                    case 0x6E: scalars.append(0x0A)
                    case 0x72: scalars.append(0x0D)
                    case 0x74: scalars.append(0x09)
                    case 0x75:
                        guard var code = hex4() else { return nil }
                        if code >= 0xD800, code < 0xDC00 {
                            guard index + 6 <= count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else { return nil }
                            index += 2
                            guard let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { return nil }
                        scalars.append(contentsOf: Array(String(scalar).utf8))
                    default: return nil
                    }
                    start = index
                    continue
                }
                index += 1
            }
            values.append(String(decoding: scalars, as: UTF8.self))
            skipSpace()
            guard index < count else { return nil }
            if bytes[index] == 0x2C {
                index += 1
                continue
            }
            guard bytes[index] == 0x5D else { return nil }
            index += 1
            skipSpace()
            return index == count ? values : nil
        }
    }
}
