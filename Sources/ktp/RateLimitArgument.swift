import ArgumentParser
import KTPRate

/// `ID=COUNT/s` or `ID=COUNT/m` from the command line: an application's submit rate.
struct RateLimitArgument: ExpressibleByArgument {
    var appID: String
    var rate: RequestRate

    init?(argument: String) {
        guard let equals = argument.lastIndex(of: "="), equals != argument.startIndex,
            let rate = RequestRate(parsing: argument[argument.index(after: equals)...])
        else { return nil }
        appID = String(argument[..<equals])
        self.rate = rate
    }

    /// The rates by application; an application named twice is a mistake, not a choice between the two.
    static func rates(_ arguments: [RateLimitArgument]) throws -> [String: RequestRate] {
        try Dictionary(arguments.map { ($0.appID, $0.rate) }) { _, _ in
            throw ValidationError("--rate-limit names an application more than once")
        }
    }
}
