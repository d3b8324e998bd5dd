/// Which workers run a job. A sandbox job has a lane of its own: its result is canned, so it
/// must not wait behind photos in the engine.
public enum JobLane: Sendable, Hashable {
    /// Photos, run by the engine.
    case extraction
    /// Sandbox codes, answered with the fixed result at once.
    case sandbox
}
