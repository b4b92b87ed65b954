import Foundation
import GlueCore

// The CSV side of `convert`; the CSV format's owner wires its reader and writer here.
extension ConvertRequest {
    func makeCSVReader() throws -> any BatchFileReader {
        throw GlueError(.unsupportedFeature, "Reading CSV files is not available in this build yet.")
    }

    func makeCSVWriter(to url: URL, schema: Schema) throws -> any BatchFileWriter {
        throw GlueError(.unsupportedFeature, "Writing CSV files is not available in this build yet.")
    }
}
