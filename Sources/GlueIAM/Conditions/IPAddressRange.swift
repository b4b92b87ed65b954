import GlueCore

/// An IPv4 or IPv6 CIDR block from an `IpAddress` / `NotIpAddress` condition (`203.0.113.0/24`,
/// `2001:DB8:1234:5678::/64`); a bare address is a /32 or /128.
struct IPAddressRange: Sendable, Hashable {
    let isIPv6: Bool
    let network: UInt128
    let prefixLength: Int

    /// Parses a CIDR block or a bare address; `nil` when malformed.
    init?(_ text: String) {
        var addressText = Substring(text)
        var prefix: Int?
        if let slash = text.firstIndex(of: "/") {
            addressText = text[..<slash]
            guard let parsed = Int(text[text.index(after: slash)...]), parsed >= 0 else { return nil }
            prefix = parsed
        }
        guard let address = IPAddressRange.parseAddress(addressText) else { return nil }
        let bits = address.isIPv6 ? 128 : 32
        let length = prefix ?? bits
        guard length <= bits else { return nil }
        isIPv6 = address.isIPv6
        prefixLength = length
        network = address.value & IPAddressRange.mask(length, bits: bits)
    }

    /// Whether `address` (a bare address string) lies in this block. IPv6 never matches IPv4.
    func contains(_ addressText: String) -> Bool {
        guard let address = IPAddressRange.parseAddress(Substring(addressText)), address.isIPv6 == isIPv6 else {
            return false
        }
        return address.value & IPAddressRange.mask(prefixLength, bits: isIPv6 ? 128 : 32) == network
    }

    private static func mask(_ length: Int, bits: Int) -> UInt128 {
        if length == 0 { return 0 }
        let all: UInt128 = bits == 128 ? ~0 : 0xFFFF_FFFF
        return all & ~((UInt128(1) << UInt128(bits - length)) - 1)
    }

    static func parseAddress(_ text: Substring) -> (isIPv6: Bool, value: UInt128)? {
        if text.contains(":") {
            guard let value = parseIPv6(text) else { return nil }
            return (true, value)
        }
        guard let value = parseIPv4(text) else { return nil }
        return (false, UInt128(value))
    }

    static func parseIPv4(_ text: Substring) -> UInt32? {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 4 else { return nil }
        var value: UInt32 = 0
        for piece in pieces {
            guard !piece.isEmpty, piece.count <= 3, piece.allSatisfy({ $0.isASCII && $0.isNumber }),
                let octet = UInt32(piece), octet <= 255
            else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    static func parseIPv6(_ text: Substring) -> UInt128? {
        // Split around a single "::".
        var head: [Substring] = []
        var tail: [Substring] = []
        var compressed = false
        if let range = text.firstRange(of: "::") {
            compressed = true
            let left = text[..<range.lowerBound]
            let right = text[range.upperBound...]
            if right.contains("::") { return nil }
            head = left.isEmpty ? [] : left.split(separator: ":", omittingEmptySubsequences: false)
            tail = right.isEmpty ? [] : right.split(separator: ":", omittingEmptySubsequences: false)
        } else {
            head = text.split(separator: ":", omittingEmptySubsequences: false)
        }
        var groups: [UInt16] = []
        func append(_ pieces: [Substring], into list: inout [UInt16], allowIPv4Tail: Bool) -> Bool {
            for (offset, piece) in pieces.enumerated() {
                if allowIPv4Tail, offset == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseIPv4(piece) else { return false }
                    list.append(UInt16(v4 >> 16))
                    list.append(UInt16(v4 & 0xFFFF))
                    continue
                }
                guard !piece.isEmpty, piece.count <= 4, let group = UInt16(piece, radix: 16) else { return false }
                list.append(group)
            }
            return true
        }
        var tailGroups: [UInt16] = []
        guard append(head, into: &groups, allowIPv4Tail: !compressed),
            append(tail, into: &tailGroups, allowIPv4Tail: true)
        else { return nil }
        if compressed {
            guard groups.count + tailGroups.count <= 7 else { return nil }
            groups += Array(repeating: 0, count: 8 - groups.count - tailGroups.count) + tailGroups
        }
        guard groups.count == 8 else { return nil }
        var value: UInt128 = 0
        for group in groups { value = value << 16 | UInt128(group) }
        return value
    }
}
