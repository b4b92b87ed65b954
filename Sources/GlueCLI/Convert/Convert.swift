import ArgumentParser
import Foundation
import GlueColumnar
import GlueCore

/// `localglue convert INPUT OUTPUT`: converts local files between CSV, JSON Lines and Parquet.
struct Convert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a local file between CSV, JSON Lines and Parquet (no lake, no policy).",
        discussion: """
            Formats come from the file extensions (.csv, .csv.gz, .json, .jsonl, .parquet) or from \
            --input-format/--output-format. Without --schema, CSV columns are inferred as Glue's crawler \
            infers them. The output appears only when the whole conversion succeeded.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to read.")
    var input: String

    @Argument(help: "The file to write.")
    var output: String

    @Option(name: .customLong("input-format"), help: "csv, json or parquet (default: from the extension).")
    var inputFormat: FileFormat?

    @Option(name: .customLong("output-format"), help: "csv, json or parquet (default: from the extension).")
    var outputFormat: FileFormat?

    @Option(
        name: .customLong("format-options"),
        help: "Glue's format_options as JSON: separator, quoteChar, escaper, withHeader, writeHeader, skipFirst, multiLine, compression.")
    var formatOptions: String?

    @Option(help: ArgumentHelp("The columns, as \"name type, ...\" with Glue type names.", valueName: "columns"))
    var schema: String?

    @Option(help: "Parquet output compression: snappy (default), gzip, zstd or none.")
    var compression: String?

    func run() async throws {
        guard let inputFormat = inputFormat ?? FileFormat.inferred(from: input) else {
            throw ValidationError("Cannot tell the format of \(input) from its name; pass --input-format.")
        }
        guard let outputFormat = outputFormat ?? FileFormat.inferred(from: output) else {
            throw ValidationError("Cannot tell the format of \(output) from its name; pass --output-format.")
        }
        let options = try formatOptions.map { try FormatOptions.parse(ParameterInput.text($0, option: "--format-options")) } ?? FormatOptions()
        let declaredSchema = try schema.map { text throws(GlueError) in try Schema(parsing: text) }
        let inputURL = URL(fileURLWithPath: input)
        guard FileManager.default.isReadableFile(atPath: inputURL.path) else {
            throw ConfigurationError("Cannot read \(input): no such file or not readable.")
        }
        let outputURL = URL(fileURLWithPath: output)
        let request = ConvertRequest(
            input: inputURL, inputFormat: inputFormat, output: outputURL, outputFormat: outputFormat,
            options: options, schema: declaredSchema, compression: compression)
        try request.run()
    }
}

extension FileFormat: ExpressibleByArgument {}

/// One conversion, with everything resolved: formats, options, schema.
struct ConvertRequest {
    var input: URL
    var inputFormat: FileFormat
    var output: URL
    var outputFormat: FileFormat
    var options: FormatOptions
    var schema: Schema?
    var compression: String?

    /// Streams every batch from the reader to the writer into a temporary file beside the output,
    /// then renames it into place, so a failed conversion leaves no partial output.
    func run() throws {
        var reader = try makeReader()
        let directory = output.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(output.lastPathComponent).localglue-\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        var writer = try makeWriter(to: temporary, schema: reader.schema)
        while let batch = try reader.next() { try writer.write(batch) }
        try writer.finish()
        // rename(2) replaces an existing output in one step: readers see the old file or the new one.
        guard rename(temporary.path, output.path) == 0 else {
            throw ConfigurationError("Cannot write \(output.path): \(String(cString: strerror(errno)))")
        }
    }

    func makeReader() throws -> any BatchFileReader {
        switch inputFormat {
        case .csv: try makeCSVReader()
        case .json: try makeJSONReader()
        case .parquet: try makeParquetReader()
        }
    }

    func makeWriter(to url: URL, schema: Schema) throws -> any BatchFileWriter {
        switch outputFormat {
        case .csv: try makeCSVWriter(to: url, schema: schema)
        case .json: try makeJSONWriter(to: url, schema: schema)
        case .parquet: try makeParquetWriter(to: url, schema: schema)
        }
    }
}
