// This package's own `localglue`: the stock command with the package's Swift jobs registered, so
// `glue create-job --command Name=glueetl,ScriptLocation=swift:orders-by-country` and
// `glue start-job-run` (or `run job.json`) execute them with the lake's runner, roles and policies.
import Foundation
import GlueCLI
import GlueJobs
import OrdersJob

SwiftJobRegistry.shared.register(ordersJob)
exit(await LocalGlueCommand.execute(Array(CommandLine.arguments.dropFirst())))
