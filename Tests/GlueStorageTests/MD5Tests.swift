import Testing
@testable import GlueStorage

@Suite struct MD5Tests {
    @Test("RFC 1321 test vectors")
    func vectors() {
        let cases: [(String, String)] = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
        ]
        for (input, expected) in cases {
            #expect(MD5.hex(Array(input.utf8)) == expected)
        }
    }

    @Test("Incremental updates in odd chunk sizes match one update")
    func incremental() {
        let bytes = [UInt8].random(count: 10_000, seed: 3)
        let whole = MD5.hex(bytes)
        for step in [1, 7, 63, 64, 65, 1000] {
            var md5 = MD5()
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + step)
                bytes[offset..<end].withUnsafeBytes { md5.update($0) }
                offset = end
            }
            #expect(md5.finalizeHex() == whole)
        }
    }
}
