import VersusCore

/// What `versus --version` prints: `versus 0.4.0`, and the commit when the binary was built from a git checkout
/// (`BuildCommit`, written by the package's BuildCommit plugin).
enum VersionText {
    static var line: String {
        Generator.identity + (BuildCommit.commit.map { " (commit \($0))" } ?? "")
    }
}
