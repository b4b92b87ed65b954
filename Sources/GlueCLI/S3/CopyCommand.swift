import ArgumentParser
import GlueStorage

/// `localglue s3 cp SOURCE DESTINATION [--recursive]`: local to S3, S3 to local, S3 to S3.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cp", abstract: "Copy files and objects (upload, download, copy).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A local path or s3://BUCKET/KEY.")
    var source: String

    @Argument(help: "A local path or s3://BUCKET/KEY.")
    var destination: String

    @Flag(help: "Copy every file or object below the source.")
    var recursive = false

    @Flag(name: .customLong("dryrun"), help: "Print what would be copied.")
    var dryRun = false

    func run() async throws {
        let transfer = S3Transfer(store: try LakeContext.open(global).s3ObjectStore(), console: Console.current, dryRun: dryRun)
        for item in try transfer.plan(source: source, destination: destination, recursive: recursive) { try transfer.run(item) }
    }
}
