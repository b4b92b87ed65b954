/// An incremental MD5 digest (RFC 1321), used for S3 ETags of single-part uploads.
///
/// Not for security: S3 uses MD5 only as a content checksum, and so do we.
public struct MD5: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476)
    private var buffer = [UInt8](repeating: 0, count: 64)
    private var buffered = 0
    private var length: UInt64 = 0

    /// Creates an empty digest.
    public init() {}

    /// Adds bytes to the digest.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var offset = 0
        if buffered > 0 {
            let take = min(64 - buffered, bytes.count)
            buffer.withUnsafeMutableBytes { dst in
                guard let d = dst.baseAddress else { return }
                (d + buffered).copyMemory(from: base, byteCount: take)
            }
            buffered += take
            offset = take
            if buffered == 64 {
                buffer.withUnsafeBytes { block in
                    if let b = block.baseAddress { compress(b) }
                }
                buffered = 0
            }
        }
        while bytes.count - offset >= 64 {
            compress(base + offset)
            offset += 64
        }
        let rest = bytes.count - offset
        if rest > 0 {
            buffer.withUnsafeMutableBytes { dst in
                guard let d = dst.baseAddress else { return }
                d.copyMemory(from: base + offset, byteCount: rest)
            }
            buffered = rest
        }
    }

    /// Adds bytes to the digest.
    public mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// Finishes the digest and returns its 16 bytes.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var padding: [UInt8] = [0x80]
        let padLength = (buffered < 56 ? 56 : 120) - buffered - 1
        padding.append(contentsOf: repeatElement(0, count: padLength))
        for index in 0..<8 { padding.append(UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(index)))) }
        let saved = length
        padding.withUnsafeBytes { update($0) }
        length = saved
        var digest: [UInt8] = []
        digest.reserveCapacity(16)
        for word in [state.0, state.1, state.2, state.3] {
            for index in 0..<4 { digest.append(UInt8(truncatingIfNeeded: word >> (8 * UInt32(index)))) }
        }
        return digest
    }

    /// Finishes the digest and returns it as 32 lower-case hex digits.
    public mutating func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for byte in finalize() {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hex MD5 of a byte array.
    public static func hex(_ bytes: [UInt8]) -> String {
        var md5 = MD5()
        bytes.withUnsafeBytes { md5.update($0) }
        return md5.finalizeHex()
    }

    @inline(__always)
    private static func rotate(_ x: UInt32, _ s: UInt32) -> UInt32 { (x << s) | (x >> (32 &- s)) }

    private mutating func compress(_ block: UnsafeRawPointer) {
        var m = (
            UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0),
            UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0)
        )
        withUnsafeMutableBytes(of: &m) { words in
            words.copyMemory(from: UnsafeRawBufferPointer(start: block, count: 64))
        }
        #if _endian(big)
            withUnsafeMutableBytes(of: &m) { words in
                let w = words.bindMemory(to: UInt32.self)
                for i in 0..<16 { w[i] = UInt32(littleEndian: w[i]) }
            }
        #endif
        var (a, b, c, d) = state
        withUnsafeBytes(of: &m) { raw in
            let x = raw.bindMemory(to: UInt32.self)
            @inline(__always) func ff(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ k: Int, _ s: UInt32, _ t: UInt32) {
                a = b &+ MD5.rotate(a &+ ((b & c) | (~b & d)) &+ x[k] &+ t, s)
            }
            @inline(__always) func gg(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ k: Int, _ s: UInt32, _ t: UInt32) {
                a = b &+ MD5.rotate(a &+ ((b & d) | (c & ~d)) &+ x[k] &+ t, s)
            }
            @inline(__always) func hh(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ k: Int, _ s: UInt32, _ t: UInt32) {
                a = b &+ MD5.rotate(a &+ (b ^ c ^ d) &+ x[k] &+ t, s)
            }
            @inline(__always) func ii(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ k: Int, _ s: UInt32, _ t: UInt32) {
                a = b &+ MD5.rotate(a &+ (c ^ (b | ~d)) &+ x[k] &+ t, s)
            }
            ff(&a, b, c, d, 0, 7, 0xd76a_a478); ff(&d, a, b, c, 1, 12, 0xe8c7_b756)
            ff(&c, d, a, b, 2, 17, 0x2420_70db); ff(&b, c, d, a, 3, 22, 0xc1bd_ceee)
            ff(&a, b, c, d, 4, 7, 0xf57c_0faf); ff(&d, a, b, c, 5, 12, 0x4787_c62a)
            ff(&c, d, a, b, 6, 17, 0xa830_4613); ff(&b, c, d, a, 7, 22, 0xfd46_9501)
            ff(&a, b, c, d, 8, 7, 0x6980_98d8); ff(&d, a, b, c, 9, 12, 0x8b44_f7af)
            ff(&c, d, a, b, 10, 17, 0xffff_5bb1); ff(&b, c, d, a, 11, 22, 0x895c_d7be)
            ff(&a, b, c, d, 12, 7, 0x6b90_1122); ff(&d, a, b, c, 13, 12, 0xfd98_7193)
            ff(&c, d, a, b, 14, 17, 0xa679_438e); ff(&b, c, d, a, 15, 22, 0x49b4_0821)

            gg(&a, b, c, d, 1, 5, 0xf61e_2562); gg(&d, a, b, c, 6, 9, 0xc040_b340)
            gg(&c, d, a, b, 11, 14, 0x265e_5a51); gg(&b, c, d, a, 0, 20, 0xe9b6_c7aa)
            gg(&a, b, c, d, 5, 5, 0xd62f_105d); gg(&d, a, b, c, 10, 9, 0x0244_1453)
            gg(&c, d, a, b, 15, 14, 0xd8a1_e681); gg(&b, c, d, a, 4, 20, 0xe7d3_fbc8)
            gg(&a, b, c, d, 9, 5, 0x21e1_cde6); gg(&d, a, b, c, 14, 9, 0xc337_07d6)
            gg(&c, d, a, b, 3, 14, 0xf4d5_0d87); gg(&b, c, d, a, 8, 20, 0x455a_14ed)
            gg(&a, b, c, d, 13, 5, 0xa9e3_e905); gg(&d, a, b, c, 2, 9, 0xfcef_a3f8)
            gg(&c, d, a, b, 7, 14, 0x676f_02d9); gg(&b, c, d, a, 12, 20, 0x8d2a_4c8a)

            hh(&a, b, c, d, 5, 4, 0xfffa_3942); hh(&d, a, b, c, 8, 11, 0x8771_f681)
            hh(&c, d, a, b, 11, 16, 0x6d9d_6122); hh(&b, c, d, a, 14, 23, 0xfde5_380c)
            hh(&a, b, c, d, 1, 4, 0xa4be_ea44); hh(&d, a, b, c, 4, 11, 0x4bde_cfa9)
            hh(&c, d, a, b, 7, 16, 0xf6bb_4b60); hh(&b, c, d, a, 10, 23, 0xbebf_bc70)
            hh(&a, b, c, d, 13, 4, 0x289b_7ec6); hh(&d, a, b, c, 0, 11, 0xeaa1_27fa)
            hh(&c, d, a, b, 3, 16, 0xd4ef_3085); hh(&b, c, d, a, 6, 23, 0x0488_1d05)
            hh(&a, b, c, d, 9, 4, 0xd9d4_d039); hh(&d, a, b, c, 12, 11, 0xe6db_99e5)
            hh(&c, d, a, b, 15, 16, 0x1fa2_7cf8); hh(&b, c, d, a, 2, 23, 0xc4ac_5665)

            ii(&a, b, c, d, 0, 6, 0xf429_2244); ii(&d, a, b, c, 7, 10, 0x432a_ff97)
            ii(&c, d, a, b, 14, 15, 0xab94_23a7); ii(&b, c, d, a, 5, 21, 0xfc93_a039)
            ii(&a, b, c, d, 12, 6, 0x655b_59c3); ii(&d, a, b, c, 3, 10, 0x8f0c_cc92)
            ii(&c, d, a, b, 10, 15, 0xffef_f47d); ii(&b, c, d, a, 1, 21, 0x8584_5dd1)
            ii(&a, b, c, d, 8, 6, 0x6fa8_7e4f); ii(&d, a, b, c, 15, 10, 0xfe2c_e6e0)
            ii(&c, d, a, b, 6, 15, 0xa301_4314); ii(&b, c, d, a, 13, 21, 0x4e08_11a1)
            ii(&a, b, c, d, 4, 6, 0xf753_7e82); ii(&d, a, b, c, 11, 10, 0xbd3a_f235)
            ii(&c, d, a, b, 2, 15, 0x2ad7_d2bb); ii(&b, c, d, a, 9, 21, 0xeb86_d391)
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
}
