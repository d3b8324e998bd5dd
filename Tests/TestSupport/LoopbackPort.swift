import Glibc

/// A loopback port for a server a test starts itself.
public enum LoopbackPort {
    /// Why no port could be had: the failing call and its errno.
    public struct Failure: Error, Sendable, Hashable {
        public let call: String
        public let errno: Int32
    }

    /// A port nothing listens on now: the kernel's pick for a socket bound to port 0, closed again.
    public static func free() throws(Failure) -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(call: "socket", errno: errno) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw Failure(call: "bind", errno: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
