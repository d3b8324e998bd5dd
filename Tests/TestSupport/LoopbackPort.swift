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
        let (socket, port) = try bound()
        close(socket)
        return port
    }

    /// A TCP socket bound to a port of the kernel's choosing on 127.0.0.1, and listening with `backlog` when one is
    /// given; the caller closes it.
    public static func bound(listening backlog: Int32? = nil) throws(Failure) -> (socket: Int32, port: Int) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(call: "socket", errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let failed: String? = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                if bind(socket, address, length) != 0 { return "bind" }
                if let backlog, listen(socket, backlog) != 0 { return "listen" }
                return getsockname(socket, address, &length) == 0 ? nil : "getsockname"
            }
        }
        if let failed {
            let error = Failure(call: failed, errno: errno)
            close(socket)
            throw error
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }
}
