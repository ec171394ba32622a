import Foundation

/// Writes every byte of `bytes` to `fd`, going on after a signal interrupts a write; returns 0,
/// or the errno of the failure (a full disk, a closed pipe) so the caller can name it.
package func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var offset = 0
    while offset < bytes.count {
        let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n > 0 {
            offset += n
        } else if errno != EINTR {
            return n == 0 ? EIO : errno
        }
    }
    return 0
}
