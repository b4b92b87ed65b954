import Foundation
import GlueCore

// The JSON side of `convert`; the JSON format's owner wires its reader and writer here.
extension ConvertRequest {
    func makeJSONReader() throws -> any BatchFileReader {
        throw GlueError(.unsupportedFeature, "Reading JSON files is not available in this build yet.")
    }

    func makeJSONWriter(to url: URL, schema: Schema) throws -> any BatchFileWriter {
        throw GlueError(.unsupportedFeature, "Writing JSON files is not available in this build yet.")
    }
}
