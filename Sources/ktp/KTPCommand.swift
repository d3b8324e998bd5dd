import ArgumentParser

@main
struct KTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ktp",
        abstract: "Read Indonesian identity cards (KTP).",
        subcommands: [
            DemoCommand.self, DashboardCommand.self, ExtractCommand.self, ServeCommand.self, SubmitCommand.self,
            ResultCommand.self, LedgerCommand.self, ReprocessCommand.self, AppsCommand.self, CallbacksCommand.self,
            BenchCommand.self, DashboardBenchCommand.self, LoadCommand.self, QueueBenchCommand.self,
            GenerateCommand.self, EmbeddedServiceCommand.self,
        ]
    )
}
