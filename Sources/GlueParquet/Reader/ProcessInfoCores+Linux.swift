#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of online processors.
func sysconfActiveCores() -> Int {
    Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
