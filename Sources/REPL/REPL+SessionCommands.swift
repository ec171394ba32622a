import Foundation
import Store
import TeachBack

/// `:sessions`, `:resume`, `:export` and `-c`: saved sessions from the store.
extension REPL {
    func sessionsCommand() async {
        await retrySaving()
        guard let store = await storeOrComplain() else { return }
        do {
            let sessions = try await store.sessions(limit: 20)
            guard !sessions.isEmpty else {
                console.out("No saved sessions yet.")
                return
            }
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            console.out(Sanitizer.clean(sessions.map { s in
                "\(s.id.prefix(8))  \(formatter.string(from: s.updatedAt))  \(Views.count(s.turns, "turn"))  \(s.mode) · \(s.topic)"
            }.joined(separator: "\n")))
        } catch {
            fail("cannot list sessions: \(error)")
        }
    }

    func resumeCommand(_ id: String) async {
        guard !id.isEmpty else {
            fail("usage: :resume ID (see :sessions; a unique prefix is enough)")
            return
        }
        guard let store = await storeOrComplain() else { return }
        do {
            await resume(try await store.session(matching: id))
        } catch {
            fail("\(error)")
        }
    }

    func continueLast() async {
        guard let store else { return }
        do {
            guard let session = try await store.latestSession() else {
                console.status(console.dim("no saved session to continue"))
                return
            }
            await resume(session)
        } catch {
            fail("cannot continue the last session: \(error)")
        }
    }

    private func resume(_ session: Session) async {
        await scheduleReview()
        show(await engine.resume(session))
        startedWith(turns: session.turns.count)
        console.status(console.dim("resumed \(session.id.prefix(8)): \(session.topic) with \(session.mode), \(session.turns.count) turns"))
        if let last = session.turns.last {
            console.student(last.question)
        }
    }

    func exportCommand(_ path: String) async {
        guard let session = await engine.session else {
            fail("no session yet: start one with :teach TOPIC")
            return
        }
        let format = path.isEmpty ? .md : SessionCodec.Format.of(path: path)
        do {
            let text = try SessionCodec.encode([session], as: format)
            if path.isEmpty {
                console.out(Sanitizer.clean(text))
            } else {
                try text.write(toFile: (path as NSString).expandingTildeInPath, atomically: true, encoding: .utf8)
                console.status(console.dim("wrote \(session.turns.count) turns to \(path) (\(format.rawValue))"))
            }
        } catch {
            fail("cannot export to \(path): \((error as NSError).localizedDescription)")
        }
    }

    func storeOrComplain() async -> SQLiteStore? {
        guard let store else {
            fail("sessions are not being saved (the database could not be opened)")
            return nil
        }
        return store
    }
}

extension REPL {
    /// `:review`: topics due for review, by the SM-2 schedule.
    func reviewCommand() async {
        guard let store = await storeOrComplain() else { return }
        do {
            let due = try await store.reviewItems().filter { $0.due <= Date() }
            console.out(due.isEmpty ? "Nothing is due for review." : Sanitizer.clean(Views.review(due)))
        } catch {
            fail("cannot read the review schedule: \(error)")
        }
    }
}
