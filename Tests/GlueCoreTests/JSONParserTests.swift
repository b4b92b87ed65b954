import GlueCore
import Testing

@Suite struct JSONParserTests {
    @Test("Objects keep member order; numbers keep their text; escapes decode")
    func values() throws {
        let value = try JSONValue(parsing: #"{"b": 1, "a": [true, false, null, -0.5e3, "x\"\u00e9\ud83d\ude00\n"]}"#)
        #expect(value.objectMembers?.map(\.key) == ["b", "a"])
        #expect(value["b"] == .number("1"))
        #expect(value["a"]?.arrayValue == [.bool(true), .bool(false), .null, .number("-0.5e3"), .string("x\"é😀\n")])
        #expect(value["missing"] == nil)
        #expect(value["b"]?.int64Value == 1)
        #expect(value["a"]?.arrayValue?[3].doubleValue == -500)
    }

    @Test("Serialization round-trips, compact and pretty")
    func roundTrip() throws {
        let text = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*"],"N":10,"E":{},"A":[]}],"Q":"a\"b\\c\u0001"}"#
        let value = try JSONValue(parsing: text)
        #expect(value.serialized() == text)
        let pretty = value.serialized(pretty: true)
        #expect(pretty.contains("\n    \"Statement\": [\n        {"))
        #expect(try JSONValue(parsing: pretty) == value)
    }

    @Test("Errors carry line, column, byte offset and path", arguments: [
        ("{\n  \"a\": [1, 2,, 3]\n}", 2, 14, "$.a[2]", "expected a value"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "$", "duplicate key \"a\""),
        ("{\"a\": tru}", 1, 7, "$.a", "invalid literal"),
        ("{\"a\": 01}", 1, 8, "$.a", "leading zero"),
        ("{\"a\": \"x\n\"}", 1, 9, "$.a", "control character"),
        ("{\"a\" 1}", 1, 6, "$", "expected ':'"),
        ("[1 2]", 1, 4, "$", "expected ',' or ']'"),
        ("{\"a\": 1} x", 1, 10, "$", "unexpected text after"),
        ("", 1, 1, "$", "empty"),
        ("{\"é\": [\"\\q\"]}", 1, 9, "$[\"é\"][0]", "invalid escape"),
        ("\"\\ud800\"", 1, 8, "$", "low surrogate"),
        ("{\"a\": \"unterminated", 1, 7, "$.a", "unterminated string"),
    ])
    func errors(text: String, line: Int, column: Int, path: String, reason: String) {
        do {
            _ = try JSONValue(parsing: text)
            Issue.record("parsed \(text) without an error")
        } catch {
            #expect(error.code == .invalidData)
            guard let syntax = error.cause as? JSONSyntaxError else {
                Issue.record("no JSONSyntaxError cause")
                return
            }
            #expect(syntax.position.line == line)
            #expect(syntax.position.column == column)
            #expect(syntax.path.description == path)
            #expect(syntax.reason.contains(reason), "\(syntax.reason)")
            #expect(error.message.contains("line \(line), column \(column)"))
        }
    }

    @Test("Invalid UTF-8 and deep nesting are errors, not crashes")
    func hostile() {
        #expect(throws: GlueError.self) { try JSONValue(parsing: [0x22, 0xFF, 0xFE, 0x22]) }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: GlueError.self) { try JSONValue(parsing: deep) }
        for cut in 0..<20 {
            let text = String(#"{"a": [1, {"b": "c\u00e9"}], "d": null}"#.prefix(cut))
            #expect(throws: GlueError.self) { try JSONValue(parsing: text) }
        }
    }

    @Test("Duplicate keys may be allowed; spans are recorded by path")
    func optionsAndSpans() throws {
        let text = "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\"}\n  ]\n}"
        let result = try JSONParser.parse(text, options: .init(recordSpans: true))
        let path = JSONPath.root.appending(key: "Statement").appending(index: 0)
        #expect(result.spans[path]?.start == JSONPosition(line: 3, column: 5, byteOffset: 23))
        #expect(result.spans[path]?.end.column == 24)
        #expect(result.spans[path.appending(key: "Effect")]?.start.column == 16)
        let duplicate = try JSONParser.parse("{\"a\": 1, \"a\": 2}", options: .init(allowsDuplicateKeys: true))
        #expect(duplicate.value.objectMembers?.count == 2)
    }
}
