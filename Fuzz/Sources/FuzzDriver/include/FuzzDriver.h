// Intentionally empty: the driver exports only the entry point SwiftPM links the executable to.
