import ArgumentParser
import Foundation
import GlueCore
import GlueJobs

/// The `create-job` options of the AWS CLI that LocalGlue honours; explicit options override the
/// same fields of `--cli-input-json`, as in the AWS CLI.
struct JobDefinitionOptions: ParsableArguments {
    @Option(name: .customLong("cli-input-json"), help: "The whole CreateJob request as JSON (inline or file://).")
    var cliInputJSON: String?

    @Option(help: "The job name.")
    var name: String?

    @Option(help: "The role name or ARN the job's runs act as.")
    var role: String?

    @Option(help: "The JobCommand as JSON, e.g. {\"Name\": \"glueetl\", \"ScriptLocation\": \"s3://...\"}.")
    var command: String?

    @Option(name: .customLong("job-mode"), help: "SCRIPT, VISUAL or NOTEBOOK.")
    var jobMode: String?

    @Option(help: "A description.")
    var description: String?

    @Option(name: .customLong("default-arguments"), help: "DefaultArguments as JSON.")
    var defaultArguments: String?

    @Option(name: .customLong("non-overridable-arguments"), help: "NonOverridableArguments as JSON.")
    var nonOverridableArguments: String?

    @Option(name: .customLong("execution-property"), help: "ExecutionProperty as JSON, e.g. {\"MaxConcurrentRuns\": 2}.")
    var executionProperty: String?

    @Option(name: .customLong("max-retries"), help: "Retries after a failed run.")
    var maxRetries: Int?

    @Option(help: "The run timeout in minutes.")
    var timeout: Int?

    @Option(name: .customLong("glue-version"), help: "The Glue version, e.g. 5.0.")
    var glueVersion: String?

    @Option(name: .customLong("worker-type"), help: "The worker type (recorded; LocalGlue uses this machine's cores).")
    var workerType: String?

    @Option(name: .customLong("number-of-workers"), help: "The number of workers (recorded).")
    var numberOfWorkers: Int?

    @Option(name: .customLong("code-gen-configuration-nodes"), help: "The visual job's nodes as JSON.")
    var codeGenConfigurationNodes: String?

    /// The merged request as JSON data.
    func requestJSON(base: [String: Any] = [:]) throws -> Data {
        var object = base
        if let cliInputJSON {
            let text = try ParameterInput.text(cliInputJSON, option: "--cli-input-json")
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw ParameterError(option: "--cli-input-json", reason: "Invalid JSON: expected an object")
            }
            object.merge(parsed) { _, new in new }
        }
        func json(_ value: String?, _ key: String, _ option: String) throws {
            guard let value else { return }
            let text = try ParameterInput.text(value, option: option)
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
                throw ParameterError(option: option, reason: "Invalid JSON: \(text)")
            }
            object[key] = parsed
        }
        if let name { object["Name"] = name }
        if let role { object["Role"] = role }
        try json(command, "Command", "--command")
        if let jobMode { object["JobMode"] = jobMode }
        if let description { object["Description"] = description }
        try json(defaultArguments, "DefaultArguments", "--default-arguments")
        try json(nonOverridableArguments, "NonOverridableArguments", "--non-overridable-arguments")
        try json(executionProperty, "ExecutionProperty", "--execution-property")
        if let maxRetries { object["MaxRetries"] = maxRetries }
        if let timeout { object["Timeout"] = timeout }
        if let glueVersion { object["GlueVersion"] = glueVersion }
        if let workerType { object["WorkerType"] = workerType }
        if let numberOfWorkers { object["NumberOfWorkers"] = numberOfWorkers }
        try json(codeGenConfigurationNodes, "CodeGenConfigurationNodes", "--code-gen-configuration-nodes")
        if object["Command"] == nil, object["CodeGenConfigurationNodes"] != nil { object["Command"] = ["Name": "glueetl"] }
        if object["JobMode"] == nil, object["CodeGenConfigurationNodes"] != nil { object["JobMode"] = "VISUAL" }
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// The job definition the options describe.
    ///
    /// - Throws: `InvalidInputException` naming the field or node; ``ParameterError`` for bad JSON.
    func definition() throws -> JobDefinition {
        try JobDefinition.decode(json: try requestJSON())
    }
}

/// `localglue glue create-job`. Mirrors Glue `CreateJob`.
struct CreateJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-job", abstract: "Create a job definition (Glue CreateJob).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var job: JobDefinitionOptions

    struct Output: Encodable { var Name: String }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let definition = try job.definition()
        do {
            try lake.jobStore().createJob(definition)
        } catch let error as GlueError {
            throw error.during("CreateJob")
        }
        try OutputPrinter(format: global.output).print(Output(Name: definition.name))
    }
}

/// `localglue glue update-job`. Mirrors Glue `UpdateJob`: the definition is replaced completely.
struct UpdateJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update-job", abstract: "Replace a job definition (Glue UpdateJob).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("job-name"), help: "The job to update.")
    var jobName: String

    @Option(name: .customLong("job-update"), help: "The JobUpdate as JSON (inline or file://).")
    var jobUpdate: String

    struct Output: Encodable { var JobName: String }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let text = try ParameterInput.text(jobUpdate, option: "--job-update")
        guard var object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw ParameterError(option: "--job-update", reason: "Invalid JSON: expected an object")
        }
        object["Name"] = jobName
        if object["CodeGenConfigurationNodes"] != nil, object["JobMode"] == nil { object["JobMode"] = "VISUAL" }
        do {
            let definition = try JobDefinition.decode(json: try JSONSerialization.data(withJSONObject: object))
            try lake.jobStore().updateJob(named: jobName, with: definition)
        } catch let error as GlueError {
            throw error.during("UpdateJob")
        }
        try OutputPrinter(format: global.output).print(Output(JobName: jobName))
    }
}

/// `localglue glue get-job`. Mirrors Glue `GetJob`.
struct GetJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-job", abstract: "Show a job definition (Glue GetJob).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("job-name"), help: "The job.")
    var jobName: String

    struct Output: Encodable { var Job: JobOutput }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let stored = try lake.jobStore().getJob(named: jobName)
        try OutputPrinter(format: global.output).print(Output(Job: JobOutput(stored: stored)))
    }
}

/// `localglue glue get-jobs`. Mirrors Glue `GetJobs`.
struct GetJobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-jobs", abstract: "List job definitions (Glue GetJobs).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("max-results"), help: "At most this many jobs (1-1000).")
    var maxResults: Int?

    @Option(name: .customLong("next-token"), help: "The token of the next page.")
    var nextToken: String?

    struct Output: Encodable {
        var Jobs: [JobOutput]
        var NextToken: String?
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let page = try lake.jobStore().getJobs(maxResults: maxResults, nextToken: nextToken)
        try OutputPrinter(format: global.output).print(Output(Jobs: page.jobs.map(JobOutput.init(stored:)), NextToken: page.nextToken))
    }
}

/// `localglue glue list-jobs`. Mirrors Glue `ListJobs`.
struct ListJobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-jobs", abstract: "List job names (Glue ListJobs).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("max-results"), help: "At most this many names (1-1000).")
    var maxResults: Int?

    @Option(name: .customLong("next-token"), help: "The token of the next page.")
    var nextToken: String?

    struct Output: Encodable {
        var JobNames: [String]
        var NextToken: String?
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let page = try lake.jobStore().listJobs(maxResults: maxResults, nextToken: nextToken)
        try OutputPrinter(format: global.output).print(Output(JobNames: page.names, NextToken: page.nextToken))
    }
}

/// `localglue glue delete-job`. Mirrors Glue `DeleteJob` (a missing job is not an error).
struct DeleteJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-job", abstract: "Delete a job and its run history (Glue DeleteJob).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("job-name"), help: "The job.")
    var jobName: String

    struct Output: Encodable { var JobName: String }

    func run() async throws {
        let lake = try LakeContext.open(global)
        try lake.jobStore().deleteJob(named: jobName)
        try OutputPrinter(format: global.output).print(Output(JobName: jobName))
    }
}
