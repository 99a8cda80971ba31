import Foundation
import LawCorpus

/// Reads and prepares the items of the list versions to store on a thread of its own, a batch
/// at a time, while the writer stores the batches before: reading a list file, finding its
/// citations and preparing its rows (``PreparedListItem``) takes about as long as storing them
/// with their full-text entries, so the two halves share two cores. At most
/// ``capacity`` batches wait, so memory stays bounded however long the lists are.
///
/// The writer takes the batches in order with ``next()``: each list's items, then its end.
/// A problem in a list file stops the reading and is thrown by ``next()``; the writer stopping
/// early (``stop()``) stops the reading too.
final class ListItemPipeline: Sendable {
    /// What the writer receives, list after list.
    enum Batch: Sendable {
        /// The next items of the current list, with the warnings about them.
        case items([PreparedListItem], warnings: [String])
        /// The current list is done; the warnings found at its end.
        case end(warnings: [String])
    }

    private enum Message: Sendable {
        case batch(Batch)
        case failure(CorpusError)
        case storageFailure(String)
    }

    /// Items per batch.
    static let batchSize = 512
    /// Batches prepared ahead of the writer.
    static let capacity = 8

    private let channel = BoundedChannel<Message>(capacity: capacity)
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading the items of `lists`, in order, through `source` (``Corpus/itemSource``),
    /// preparing those of the lists `stored` says are stored; the others are read only for their
    /// faults and warnings (a public index still checks the lists it leaves out), and their
    /// batches carry no items.
    init(lists: [ListVersion], stored: [Bool]? = nil, source: ListItemSource?, targets: CitationTargets) {
        let channel = self.channel
        let done = self.done
        let stored = stored ?? Array(repeating: true, count: lists.count)
        let thread = Thread {
            Self.produce(lists: Array(zip(lists, stored)), source: source, targets: targets, into: channel)
            channel.finish()
            done.signal()
        }
        thread.name = "lawkb-list-items"
        thread.start()
    }

    /// The next batch, in order.
    func next() throws -> Batch {
        switch channel.receive() {
        case .batch(let batch): return batch
        case .failure(let error): throw error
        case .storageFailure(let message): throw PipelineError(message: message)
        case nil: throw PipelineError(message: "清单事项读取提前结束")
        }
    }

    /// Stops the reading (if it is still going) and waits for its thread to end.
    func stop() {
        channel.close()
        done.wait()
        done.signal()  // a second stop() returns at once
    }

    /// A failure of preparing rows (not of the corpus), for the storage error it becomes.
    struct PipelineError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func produce(
        lists: [(ListVersion, stored: Bool)], source: ListItemSource?, targets: CitationTargets,
        into channel: BoundedChannel<Message>
    ) {
        for (list, stored) in lists {
            let stream = source?.items(of: list) ?? ListItemStream(holding: list)
            let preparer = ListItemPreparer(list: list, targets: targets)
            while true {
                let message: Message
                do throws(CorpusError) {
                    let items = try stream.next(batchSize)
                    if items.isEmpty {
                        message = .batch(.end(warnings: stream.takeWarnings()))
                    } else {
                        do {
                            let prepared = stored ? try items.map(preparer.prepare) : []
                            message = .batch(.items(prepared, warnings: stream.takeWarnings()))
                        } catch {
                            _ = channel.send(.storageFailure("\(list.file)：\(error)"))
                            return
                        }
                    }
                } catch {
                    _ = channel.send(.failure(error))
                    return
                }
                guard channel.send(message) else { return }
                if case .batch(.end) = message { break }
            }
        }
    }
}

/// A queue of at most `capacity` elements between one producer and one consumer: the producer
/// waits while it is full, the consumer while it is empty.
final class BoundedChannel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Never more than `capacity` elements, so taking the first is cheap.
    private var buffer: [Element] = []
    private let capacity: Int
    /// The producer has sent everything.
    private var finished = false
    /// The consumer wants nothing more.
    private var closed = false

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds `element`, waiting for room; `false` when the consumer has closed the channel.
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        buffer.append(element)
        condition.broadcast()
        return true
    }

    /// The next element, waiting for one; `nil` once the producer has finished and all are taken.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty && !finished { condition.wait() }
        guard !buffer.isEmpty else { return nil }
        let element = buffer.removeFirst()
        condition.broadcast()
        return element
    }

    /// The producer is done.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer is done: waiting and later sends return `false`.
    func close() {
        condition.lock()
        closed = true
        buffer.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
