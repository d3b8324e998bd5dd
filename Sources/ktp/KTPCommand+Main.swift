import ArgumentParser
import Foundation

extension KTPCommand {
    /// ArgumentParser's default entry point, except that bad arguments exit with 2 rather than
    /// ArgumentParser's 64 (EX_USAGE), the project's convention for usage errors.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
