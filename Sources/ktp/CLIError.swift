import ArgumentParser

/// A failure the user can act on: printed as `Error: …`, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
