import Foundation
import ZIPFoundation

/// The bytes of a zip file, read at any offset: a file on disk or bytes in memory.
final class ByteSource {
    private enum Storage {
        case file(FileHandle)
        case memory(Data)
    }

    private let storage: Storage
    /// The number of bytes.
    let size: Int

    /// The file at `path`.
    init(path: String) throws(ImportError) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ImportError.unreadable(file: path, reason: exists ? "permission denied" : "no such file")
        }
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            let end = try handle.seekToEnd()
            guard end <= UInt64(Int.max) else { throw ImportError.unreadable(file: path, reason: "too large") }
            storage = .file(handle)
            size = Int(end)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError.unreadable(file: path, reason: CSVReader.reason(error))
        }
    }

    /// Bytes in memory.
    init(data: Data) {
        storage = .memory(data)
        size = data.count
    }

    deinit {
        if case .file(let handle) = storage { try? handle.close() }
    }

    /// `count` bytes at `offset`; fewer only when the source is shorter than that.
    func read(at offset: Int, count: Int) throws(ArchiveProblem) -> Data {
        guard offset >= 0, count >= 0, offset <= size else { return Data() }
        let available = min(count, size - offset)
        switch storage {
        case .memory(let data):
            let start = data.startIndex + offset
            return data.subdata(in: start..<(start + available))
        case .file(let handle):
            do {
                try handle.seek(toOffset: UInt64(offset))
                return try handle.read(upToCount: available) ?? Data()
            } catch {
                throw ArchiveProblem.unreadable(CSVReader.reason(error))
            }
        }
    }
}

/// One entry of a zip directory.
struct ZipEntry: Equatable {
    var name: String
    var flags: UInt16
    var method: UInt16
    var checksum: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int
}

/// A zip archive read strictly and within bounds: its central directory, and each entry
/// streamed in chunks with its size and CRC-32 checked, inflating no more than the limits
/// allow. (ZIPFoundation's own `Archive.extract` neither compares the CRC-32 it computes
/// nor stops a deflate stream that runs past its entry, which on Linux reads on at the end
/// of the file forever; here ZIPFoundation only inflates, from bytes this reader hands it.)
final class ZipPackage {
    /// The file named in errors.
    let file: String
    let limits: ImportLimits
    private let source: ByteSource
    private(set) var entries: [ZipEntry] = []
    private var byName: [String: Int] = [:]
    private var byFoldedName: [String: Int] = [:]
    /// Bytes inflated so far, counted against ``ImportLimits/totalBytes``.
    private(set) var inflatedTotal = 0

    static let chunkSize = 64 << 10

    init(source: ByteSource, file: String, limits: ImportLimits) throws(ImportError) {
        self.source = source
        self.file = file
        self.limits = limits
        do {
            try readDirectory()
        } catch let problem as ArchiveProblem {
            throw ImportError.malformedWorkbook(file: file, part: "zip", problem: problem)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError.malformedWorkbook(file: file, part: "zip", problem: .notZip)
        }
    }

    /// The entry called `name`, matched exactly, else ignoring case (part names of Office
    /// packages are case-insensitive).
    func entry(_ name: String) -> ZipEntry? {
        if let index = byName[name] { return entries[index] }
        return byFoldedName[name.lowercased()].map { entries[$0] }
    }

    // MARK: - Directory

    private func readDirectory() throws {
        guard source.size >= 22 else { throw ArchiveProblem.notZip }
        let tailLength = min(source.size, 22 + 0xFFFF)
        let tailStart = source.size - tailLength
        let tail = Bytes(try source.read(at: tailStart, count: tailLength))
        guard let end = Self.endRecord(in: tail) else { throw ArchiveProblem.notZip }
        var count = Int(tail.u16(end + 10))
        var directorySize = Int(tail.u32(end + 12))
        var directoryOffset = Int(tail.u32(end + 16))
        guard tail.u16(end + 4) == 0 || tail.u16(end + 4) == 0xFFFF,
            tail.u16(end + 6) == 0 || tail.u16(end + 6) == 0xFFFF
        else { throw ArchiveProblem.multiDisk }
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            (count, directorySize, directoryOffset) = try zip64End(locatorAt: tailStart + end - 20)
        }
        try limits.check(.zipEntries, count, file: file)
        try limits.check(.partBytes, directorySize, file: file, part: "zip")
        guard directoryOffset >= 0, directorySize >= 0,
            directoryOffset <= source.size - directorySize
        else { throw ArchiveProblem.truncated }
        let directory = Bytes(try source.read(at: directoryOffset, count: directorySize))
        var position = 0
        for _ in 0..<count {
            let (entry, next) = try Self.directoryEntry(in: directory, at: position)
            position = next
            guard byName[entry.name] == nil else {
                throw ImportError.malformedWorkbook(file: file, part: entry.name, problem: .duplicateEntry)
            }
            byName[entry.name] = entries.count
            byFoldedName[entry.name.lowercased()] = byFoldedName[entry.name.lowercased()] ?? entries.count
            entries.append(entry)
        }
    }

    /// The offset of the end-of-central-directory record in `tail`, searched from the end.
    private static func endRecord(in tail: Bytes) -> Int? {
        var index = tail.count - 22
        while index >= 0 {
            if tail.u32(index) == 0x0605_4B50, index + 22 + Int(tail.u16(index + 20)) <= tail.count {
                return index
            }
            index -= 1
        }
        return nil
    }

    /// Entry count, directory size and offset from the ZIP64 end record.
    private func zip64End(locatorAt offset: Int) throws -> (Int, Int, Int) {
        guard offset >= 0 else { throw ArchiveProblem.notZip }
        let locator = Bytes(try source.read(at: offset, count: 20))
        guard locator.count == 20, locator.u32(0) == 0x0706_4B50 else { throw ArchiveProblem.notZip }
        guard let recordOffset = locator.int64(8) else { throw ArchiveProblem.notZip }
        let record = Bytes(try source.read(at: recordOffset, count: 56))
        guard record.count == 56, record.u32(0) == 0x0606_4B50 else { throw ArchiveProblem.notZip }
        guard record.u32(16) == 0, record.u32(20) == 0 else { throw ArchiveProblem.multiDisk }
        guard let count = record.int64(32), let size = record.int64(40), let start = record.int64(48) else {
            throw ArchiveProblem.notZip
        }
        return (count, size, start)
    }

    /// The entry of the central directory at `position`, and where the next one starts.
    private static func directoryEntry(in bytes: Bytes, at position: Int) throws -> (ZipEntry, Int) {
        guard position <= bytes.count - 46, bytes.u32(position) == 0x0201_4B50 else { throw ArchiveProblem.notZip }
        let nameLength = Int(bytes.u16(position + 28))
        let extraLength = Int(bytes.u16(position + 30))
        let commentLength = Int(bytes.u16(position + 32))
        let next = position + 46 + nameLength + extraLength + commentLength
        guard next <= bytes.count else { throw ArchiveProblem.notZip }
        let diskStart = bytes.u16(position + 34)
        var uncompressed = Int(bytes.u32(position + 24))
        var compressed = Int(bytes.u32(position + 20))
        var offset = Int(bytes.u32(position + 42))
        // ZIP64 extra field: the 64-bit values of the fields set to all ones, in this order.
        var extra = position + 46 + nameLength
        let extraEnd = extra + extraLength
        while extra + 4 <= extraEnd {
            let id = bytes.u16(extra)
            let length = Int(bytes.u16(extra + 2))
            var field = extra + 4
            let fieldEnd = field + length
            guard fieldEnd <= extraEnd else { throw ArchiveProblem.notZip }
            if id == 0x0001 {
                func wide(_ value: inout Int, _ marker: Int) throws {
                    guard value == marker else { return }
                    guard field + 8 <= fieldEnd, let wide = bytes.int64(field) else { throw ArchiveProblem.notZip }
                    value = wide
                    field += 8
                }
                try wide(&uncompressed, 0xFFFF_FFFF)
                try wide(&compressed, 0xFFFF_FFFF)
                try wide(&offset, 0xFFFF_FFFF)
            }
            extra = fieldEnd
        }
        guard diskStart == 0 || diskStart == 0xFFFF else { throw ArchiveProblem.multiDisk }
        let name = String(decoding: bytes.slice(position + 46, nameLength), as: UTF8.self)
        let entry = ZipEntry(
            name: name, flags: bytes.u16(position + 8), method: bytes.u16(position + 10),
            checksum: bytes.u32(position + 16), compressedSize: compressed,
            uncompressedSize: uncompressed, localHeaderOffset: offset)
        return (entry, next)
    }

    // MARK: - Streaming

    /// Streams the inflated bytes of `entry` to `consumer` in chunks, refusing it before
    /// inflating anything when its declared size breaks a limit, stopping as soon as it
    /// inflates more than it declared, and checking its size and CRC-32 at the end.
    func stream(_ entry: ZipEntry, to consumer: (Data) throws(ImportError) -> Void) throws(ImportError) {
        let part = entry.name
        func fail(_ problem: ArchiveProblem) -> ImportError {
            .malformedWorkbook(file: file, part: part, problem: problem)
        }
        guard entry.flags & 1 == 0 else { throw fail(.encrypted) }
        try limits.check(.partBytes, entry.uncompressedSize, file: file, part: part)
        let (total, overflow) = inflatedTotal.addingReportingOverflow(entry.uncompressedSize)
        try limits.check(.totalBytes, overflow ? Int.max : total, file: file, part: part)
        if entry.uncompressedSize > ImportLimits.ratioFloorBytes {
            try limits.check(
                .compressionRatio, entry.uncompressedSize / max(entry.compressedSize, 1),
                file: file, part: part)
        }
        let dataOffset = try dataStart(of: entry)
        var produced = 0
        var checksum: UInt32 = 0
        func accept(_ chunk: Data) throws(ImportError) {
            guard !chunk.isEmpty else { return }
            produced += chunk.count
            guard produced <= entry.uncompressedSize else {
                throw fail(.sizeMismatch(declared: entry.uncompressedSize, actual: produced))
            }
            checksum = chunk.crc32(checksum: checksum)
            try consumer(chunk)
        }
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw fail(.sizeMismatch(declared: entry.uncompressedSize, actual: entry.compressedSize))
            }
            var position = 0
            while position < entry.compressedSize {
                let count = min(Self.chunkSize, entry.compressedSize - position)
                let chunk: Data
                do { chunk = try source.read(at: dataOffset + position, count: count) } catch { throw fail(error) }
                guard chunk.count == count else { throw fail(.truncated) }
                try accept(chunk)
                position += count
            }
        case 8:
            try inflate(entry, from: dataOffset, into: accept, fail: fail)
        default:
            throw fail(.unsupportedCompression(method: Int(entry.method)))
        }
        guard produced == entry.uncompressedSize else {
            throw fail(.sizeMismatch(declared: entry.uncompressedSize, actual: produced))
        }
        guard checksum == entry.checksum else { throw fail(.checksumMismatch(expected: entry.checksum, actual: checksum)) }
        inflatedTotal += produced
    }

    /// Inflates the deflate data of `entry` with ZIPFoundation's zlib binding, handing it
    /// the entry's bytes only: the last chunk is padded to the size zlib is told it has, and
    /// asking beyond the entry is an error rather than an endless read at the end of file.
    private func inflate(
        _ entry: ZipEntry, from dataOffset: Int, into accept: (Data) throws(ImportError) -> Void,
        fail: (ArchiveProblem) -> ImportError
    ) throws(ImportError) {
        var position = 0
        var sourceProblem: ArchiveProblem?
        let provider: Provider = { _, requested in
            guard position < entry.compressedSize else {
                sourceProblem = .corruptData
                throw ArchiveProblem.corruptData
            }
            let count = min(requested, entry.compressedSize - position)
            var chunk: Data
            do throws(ArchiveProblem) {
                chunk = try self.source.read(at: dataOffset + position, count: count)
            } catch {
                sourceProblem = error
                throw error
            }
            guard chunk.count == count else {
                sourceProblem = .truncated
                throw ArchiveProblem.truncated
            }
            position += count
            if chunk.count < requested { chunk.append(Data(count: requested - chunk.count)) }
            return chunk
        }
        var consumerError: ImportError?
        do {
            _ = try Data.decompress(
                size: Int64(entry.compressedSize), bufferSize: Self.chunkSize, skipCRC32: true,
                provider: provider
            ) { chunk in
                do throws(ImportError) { try accept(chunk) } catch {
                    consumerError = error
                    throw error
                }
            }
        } catch {
            if let consumerError { throw consumerError }
            throw fail(sourceProblem ?? .corruptData)
        }
    }

    /// Where the data of `entry` starts, after its local header; checked to lie in the file.
    private func dataStart(of entry: ZipEntry) throws(ImportError) -> Int {
        let fail = { (problem: ArchiveProblem) in
            ImportError.malformedWorkbook(file: self.file, part: entry.name, problem: problem)
        }
        let header: Bytes
        do { header = Bytes(try source.read(at: entry.localHeaderOffset, count: 30)) } catch { throw fail(error) }
        guard header.count == 30 else { throw fail(.truncated) }
        guard header.u32(0) == 0x0403_4B50 else { throw fail(.notZip) }
        let start = entry.localHeaderOffset + 30 + Int(header.u16(26)) + Int(header.u16(28))
        guard start <= source.size, entry.compressedSize <= source.size - start else { throw fail(.truncated) }
        return start
    }
}

/// Little-endian reads from a byte array, zero beyond its end.
private struct Bytes {
    let data: [UInt8]

    init(_ data: Data) { self.data = [UInt8](data) }

    var count: Int { data.count }

    func u8(_ index: Int) -> UInt8 { index >= 0 && index < data.count ? data[index] : 0 }
    func u16(_ index: Int) -> UInt16 { UInt16(u8(index)) | UInt16(u8(index + 1)) << 8 }
    func u32(_ index: Int) -> UInt32 { UInt32(u16(index)) | UInt32(u16(index + 2)) << 16 }

    /// A 64-bit field as an `Int`, `nil` when it does not fit.
    func int64(_ index: Int) -> Int? {
        let value = UInt64(u32(index)) | UInt64(u32(index + 4)) << 32
        return value <= UInt64(Int.max) ? Int(value) : nil
    }

    func slice(_ start: Int, _ length: Int) -> ArraySlice<UInt8> {
        let lower = min(max(0, start), data.count)
        return data[lower..<min(data.count, lower + max(0, length))]
    }
}
