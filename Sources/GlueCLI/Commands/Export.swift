import ArgumentParser
import Foundation
import GlueCore
import GlueExport
import GlueIAM
import GlueJobs
import GlueStorage

/// `localglue export JOB.json --target glue|pyspark`: writes the files that run the same job at
/// scale, on AWS Glue or on any Spark cluster, and prints the files written.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a visual job to run at scale: an AWS Glue script with its CreateJob JSON and IAM role, or a PySpark script.",
        discussion: """
            --target glue writes JOB.py (the Glue ETL script, as Glue Studio writes it), JOB.create-job.json \
            (for aws glue create-job --cli-input-json), JOB.iam.sh and JOB.cloudformation.yaml (the job role with \
            the policies of the lake). --target pyspark writes JOB.pyspark.py (plain PySpark, spark-submit). \
            Catalog tables and the role are read from the lake. Nodes that cannot keep LocalGlue's semantics are \
            refused by name.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job definition: the JSON of `aws glue create-job --cli-input-json`.")
    var jobFile: String

    @Option(help: "glue or pyspark.")
    var target: String

    @Option(help: "The folder to write into (default: the current folder).")
    var outputDir: String?

    @Option(help: "Where the Glue script will be uploaded (default: s3://aws-glue-assets-ACCOUNT-REGION/scripts/JOB.py).")
    var scriptLocation: String?

    struct Output: Encodable { var Files: [String] }

    func run() async throws {
        guard let exportTarget = ExportTarget(rawValue: target) else {
            throw ParameterError(option: "--target", reason: "must be glue or pyspark, not \(target)")
        }
        if let scriptLocation, !scriptLocation.hasPrefix("s3://") {
            throw ParameterError(option: "--script-location", reason: "must be an s3:// URL, not \(scriptLocation)")
        }
        let lake = try LakeContext.open(global)
        let text = try ParameterInput.text(jobFile.hasPrefix("file://") ? jobFile : "file://" + jobFile, option: "JOB.json")
        let definition = try JobDefinition.decode(json: Data(text.utf8))
        var role: ExportedRole?
        if exportTarget == .glue {
            do {
                role = try ExportedRole.load(definition.role, from: try lake.iamStore())
            } catch {
                throw error.during("GetRole")
            }
        }
        let usesCatalog = definition.codeGenConfigurationNodes?.values.contains { node in
            switch node {
            case .catalogSource, .s3CatalogSource, .catalogTarget, .s3CatalogTarget: true
            default: false
            }
        } ?? false
        let exporter = try JobExporter(
            job: definition, accountID: lake.configuration.accountID.rawValue, region: lake.configuration.region,
            catalog: usesCatalog ? try lake.catalogStore() : nil, role: role, version: LocalGlueCommand.version,
            store: try? LocalFileSystemObjectStore(lakeDirectory: lake.root.path, database: lake.database, account: lake.configuration.accountID))
        let files = try exporter.export(exportTarget, scriptLocation: scriptLocation)
        let folder = URL(fileURLWithPath: outputDir ?? FileManager.default.currentDirectoryPath, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError("Cannot create the output folder \(folder.path): \(error.localizedDescription)")
        }
        var written: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            do {
                try Data(file.contents.utf8).write(to: url, options: .atomic)
                if file.name.hasSuffix(".sh") {
                    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
                }
            } catch {
                throw ConfigurationError("Cannot write \(url.path): \(error.localizedDescription)")
            }
            written.append(url.path)
        }
        try OutputPrinter(format: global.output).print(Output(Files: written))
    }
}
