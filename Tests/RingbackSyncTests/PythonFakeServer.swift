import Foundation

/// Starts one of the Python fakes of a provider's API (in `Fakes/`) on a free loopback port: the fake
/// prints its port on its first line and stops when its standard input closes.
enum PythonFakeServer {
    struct Launched {
        let process: Process
        let input: Pipe
        let port: Int
    }

    static func launch(script: URL, arguments: [String], name: String) throws -> Launched {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path] + arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw FakeServerError(message: "the fake \(name) did not start (is /usr/bin/python3 installed?)")
        }
        return Launched(process: process, input: input, port: port)
    }
}
