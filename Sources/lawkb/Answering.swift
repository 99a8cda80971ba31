import ArgumentParser

/// A lawkb command: it answers, and every failure of its answer is reported one way
/// (``Terminal/report(_:)``: one line `lawkb: 错误：…` on standard error, exit status 1).
///
/// Mistakes in the command line itself (``ValidationError``) are left to the argument parser,
/// which prints them with the usage and exit status 64.
protocol Answering: ParsableCommand {
    /// Does the command's work; any error it throws is reported by ``run()``.
    func answer() throws
}

extension Answering {
    func run() throws {
        do {
            try answer()
        } catch {
            throw Terminal.report(error)
        }
    }
}

/// An ``Answering`` command whose work is asynchronous (the server).
protocol AsyncAnswering: AsyncParsableCommand {
    /// Does the command's work; any error it throws is reported by ``run()``.
    func answer() async throws
}

extension AsyncAnswering {
    func run() async throws {
        do {
            try await answer()
        } catch {
            throw Terminal.report(error)
        }
    }
}
