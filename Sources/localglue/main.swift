import Foundation
import GlueCLI

exit(await LocalGlueCommand.execute(Array(CommandLine.arguments.dropFirst())))
