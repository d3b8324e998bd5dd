import ArgumentParser

@main
struct KTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ktp",
        abstract: "Read Indonesian identity cards (KTP).",
        subcommands: [
            ExtractCommand.self, ServeCommand.self, AppsCommand.self, CallbacksCommand.self, BenchCommand.self,
            GenerateCommand.self, LoadCommand.self,
        ]
    )
}
