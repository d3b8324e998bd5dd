import ArgumentParser
import KTP

/// `--ledger PATH`, by default the SDK's ledger in the data directory.
struct LedgerOption: ParsableArguments {
    @Option(name: .customLong("ledger"), help: "The ledger file. Default: $XDG_DATA_HOME/ktp/ledger.sqlite.")
    var path: String?

    func open() throws -> Ledger { try Ledger(path: path ?? Ledger.defaultPath()) }
}
