import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The HTTP/1.1 server: NIO event-loop threads of its own, so blocking clients in tests can never starve it.
/// Handlers run synchronously under the state lock; latency and stalls are scheduled on the loop, never slept.
final class EmulatorServer: Sendable {
    let group: MultiThreadedEventLoopGroup
    let channel: any Channel
    let port: Int

    init(state: LockedState, port: Int) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: false, withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(EmulatorHTTPHandler(state: state))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
        do {
            channel = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        self.group = group
        self.port = channel.localAddress?.port ?? port
    }

    func stop() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}

/// Collects one request (answering `Expect: 100-continue` at once), then answers it, faults included.
final class EmulatorHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: LockedState
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(state: LockedState) { self.state = state }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
            if requestHead.headers["expect"].contains(where: { $0.lowercased() == "100-continue" }) {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: requestHead.version, status: .continue))), promise: nil)
            }
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let requestHead = head else { return }
            head = nil
            let request = HTTPRequestData(
                method: requestHead.method.rawValue, target: requestHead.uri,
                headers: requestHead.headers.map { ($0.name, $0.value) }, body: body)
            body = []
            respond(to: request, head: requestHead, context: context)
        }
    }

    private func respond(to request: HTTPRequestData, head: HTTPRequestHead, context: ChannelHandlerContext) {
        let route = APIRoute.classify(method: request.method, rawPath: request.rawPath)
        let (decision, latency) = state.withState { state -> (FaultDecision, Double) in
            if let name = route.methodName { state.count(name) }
            guard route.isAPI else { return (.none, 0) }
            return (state.chooseFault(calendar: route.isCalendar, body: request.body), state.faults.latency)
        }
        let channel = context.channel
        let state = self.state
        switch decision {
        case .none:
            let response = state.withState { $0.serve(request, route: route) }
            Self.send(response, on: channel, version: head.version, keepAlive: head.isKeepAlive, after: latency)
        case .respond(let response):
            Self.send(response, on: channel, version: head.version, keepAlive: head.isKeepAlive, after: latency)
        case .drop(let apply):
            if apply { _ = state.withState { $0.serve(request, route: route) } }
            context.close(promise: nil)
        case .stall(let apply, let seconds):
            if apply { _ = state.withState { $0.serve(request, route: route) } }
            channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(max(0, seconds) * 1e9))) { channel.close(promise: nil) }
        }
    }

    static func send(_ response: HTTPResponseData, on channel: any Channel, version: HTTPVersion, keepAlive: Bool, after delay: Double) {
        if delay > 0 {
            channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(delay * 1e9))) {
                send(response, on: channel, version: version, keepAlive: keepAlive, after: 0)
            }
            return
        }
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Server", value: "ESF")
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let status = HTTPResponseStatus(statusCode: response.status, reasonPhrase: HTTPResponseData.reasonPhrase(response.status))
        var buffer = channel.allocator.buffer(capacity: response.body.count)
        buffer.writeBytes(response.body)
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: version, status: status, headers: headers)), promise: nil)
        if response.body.count > 0 { channel.write(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil) }
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}
