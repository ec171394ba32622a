import Foundation
import Store
import TeachBack

/// Writes a job's output in input order from the stored answers. The store remembers how many
/// complete lines (and bytes) the file holds; writing resumes there after cutting off anything
/// beyond (a line half written when the process died), so no line is ever written twice.
struct JudgeOutputFile {
    let store: SQLiteStore
    let job: JudgeJob
    /// Lines written between records of progress (each preceded by an fsync).
    static let chunk = 2000

    func complete() throws {
        let fd = open(job.output, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw JudgeError("\(job.output): cannot write it (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        // A file shorter than recorded was replaced or truncated by someone: write it all again.
        var (lines, bytes) = Int(info.st_size) >= job.writtenBytes ? (job.writtenLines, job.writtenBytes) : (0, 0)
        guard ftruncate(fd, off_t(bytes)) == 0, lseek(fd, off_t(bytes), SEEK_SET) >= 0 else {
            throw JudgeError("\(job.output): cannot resume writing it")
        }
        while true {
            let rows = try store.judgeRequests(job: job.id, from: lines, limit: Self.chunk)
            if rows.isEmpty { break }
            var block: [UInt8] = []
            for row in rows {
                guard let outcome = row.outcome else { throw JudgeError("job \(job.id): turn \(row.customID) has no answer yet") }
                block += Array(outcome.utf8)
                block.append(0x0A)
            }
            let failure = block.withUnsafeBytes { writeAll(fd, $0) }
            guard failure == 0 else { throw JudgeError("\(job.output): write failed (\(String(cString: strerror(failure))))") }
            fsync(fd)
            lines += rows.count
            bytes += block.count
            try store.setJudgeWritten(job.id, lines: lines, bytes: bytes)
        }
    }
}
