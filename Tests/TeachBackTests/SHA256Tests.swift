@testable import TeachBack
import Testing

/// SHA-256, one-shot and fed in pieces (judge hashes input files a megabyte at a time).
@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test(arguments: [1, 7, 63, 64, 65, 1000])
    func piecesOfAnySizeGiveTheOneShotDigest(piece: Int) {
        let message = (0..<3001).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var stream = SHA256Stream()
        for start in stride(from: 0, to: message.count, by: piece) { stream.update(Array(message[start..<min(start + piece, message.count)])) }
        #expect(stream.hexDigest() == SHA256.hex(message))
    }
}
