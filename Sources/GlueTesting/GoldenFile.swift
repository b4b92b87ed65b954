import Foundation

/// Golden files: expected output kept in a file beside the test, re-recorded on demand.
///
/// ```swift
/// try GoldenFile.check(try result.show(), named: "orders-by-customer.txt")
/// ```
///
/// The file is `Golden/NAME` in the folder of the test file (`#filePath`). When it is missing, or
/// when the environment variable `LOCALGLUE_RECORD_GOLDEN` is `1`, the actual text is written to
/// it and the check fails once ("recorded"), so a recording never passes silently; commit the file
/// after reviewing it.
public enum GoldenFile {
    /// The environment variable that re-records every golden file a run checks.
    public static let recordVariable = "LOCALGLUE_RECORD_GOLDEN"

    /// Compares `actual` with the golden file `named` (or records it).
    ///
    /// - Throws: ``FrameMismatch`` with a line diff when they differ, or when the file was just
    ///   recorded; a file system error when it cannot be written.
    public static func check(_ actual: String, named name: String, folder: String = "Golden", testFile: StaticString = #filePath) throws {
        let directory = URL(fileURLWithPath: "\(testFile)").deletingLastPathComponent().appendingPathComponent(folder, isDirectory: true)
        try check(actual, at: directory.appendingPathComponent(name))
    }

    /// Compares `actual` with the golden file at `url` (or records it).
    ///
    /// - Throws: as ``check(_:named:folder:testFile:)``.
    public static func check(_ actual: String, at url: URL) throws {
        let text = actual.hasSuffix("\n") ? actual : actual + "\n"
        let recording = ProcessInfo.processInfo.environment[recordVariable] == "1"
        if recording || !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            throw FrameMismatch(
                "Recorded the golden file \(url.path)\(recording ? " (\(recordVariable)=1)" : " (it was missing)"); review it and run again.",
                expected: "", actual: text)
        }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        guard expected != text else { return }
        throw FrameMismatch(
            "The output differs from the golden file \(url.path) (set \(recordVariable)=1 to re-record it):", expected: expected, actual: text)
    }
}
