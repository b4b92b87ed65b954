import ArgumentParser

/// `localglue s3 ...`: the AWS CLI's high-level S3 commands on the lake's buckets.
struct S3Service: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s3",
        abstract: "High-level S3 commands (mb, rb, ls, cp, mv, rm, sync) on the lake's buckets, authorized like S3.",
        subcommands: [MakeBucket.self, RemoveBucket.self, ListCommand.self, CopyCommand.self, MoveCommand.self, RemoveCommand.self, SyncCommand.self])
}
