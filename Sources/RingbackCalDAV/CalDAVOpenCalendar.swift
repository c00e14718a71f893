import Foundation
import RingbackCore
import RingbackOffline

/// A CalDAV calendar as read this run: the events found (for the crew's changes and adoption), the read
/// state to record, and the writes of the plan, each conditional on the tag last seen.
struct CalDAVOpenCalendar: OpenCalendar {
    let target: CalDAVCalendarTarget
    let calendar: URL
    let found: [String: FoundEvent]
    let readState: CalendarReadState?

    var readsBack: Bool { true }

    /// The calendar's path with its trailing slash (Foundation drops it from `URL.path`).
    private var collectionPath: String {
        let path = URLComponents(url: calendar, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? calendar.path
        return path.hasSuffix("/") ? path : path + "/"
    }
    var needsWrite: Bool { false }

    func apply(_ plan: CalendarPlan) throws -> CalendarWriteResult {
        var state = readState ?? .empty
        var conflicts = Set<String>()
        var refused: [(uid: String, status: Int)] = []
        let deletes = target.settings.cancel == .delete
        var writes: [(SyncedEvent, delete: Bool)] = plan.creates.map { ($0, false) }
        writes += plan.updates.map { ($0.new, deletes && $0.new.event.cancelled) }
        writes += plan.cancels.map { ($0.new, deletes) }
        for (event, delete) in writes {
            let outcome = try write(event, delete: delete, state: &state)
            switch outcome {
            case .done: break
            case .conflict: conflicts.insert(event.uid)
            case .refused(let status): refused.append((event.uid, status))
            }
        }
        guard !refused.isEmpty else { return CalendarWriteResult(conflicts: conflicts, readState: state) }
        let shown = refused.prefix(3).map { "\($0.uid): HTTP \($0.status)" }.joined(separator: "; ")
        let error = CalDAVError(
            .server(status: refused[0].status), target: target.label,
            "\(refused.count) of \(writes.count) calendar writes were refused: \(shown)\(refused.count > 3 ? " (and \(refused.count - 3) more)" : "")"
        )
        return CalendarWriteResult(refusedUIDs: Set(refused.map(\.uid)), refusal: error, conflicts: conflicts, readState: state)
    }

    enum Outcome {
        case done
        /// 412 (or the resource gone): the crew changed it after this run read it.
        case conflict
        case refused(Int)
    }

    private func write(_ event: SyncedEvent, delete: Bool, state: inout CalendarReadState) throws(CalDAVError) -> Outcome {
        let known = state.resources[event.uid]
        let href = known?.href ?? collectionPath + CalDAVCalendarTarget.resourceName(uid: event.uid)
        guard let url = target.client.url(href, relativeTo: calendar) else { return .refused(0) }
        var headers: [String: String] = [:]
        if let etag = known?.etag {
            headers["If-Match"] = etag
        } else if known == nil {
            headers["If-None-Match"] = "*"
        }
        if delete {
            guard known != nil else { return .done }
            let response = try target.client.send("DELETE", url, headers: headers)
            if response.status == 412 { return .conflict }
            guard (200..<300).contains(response.status) || response.status == 404 else { return .refused(response.status) }
            state.resources[event.uid] = nil
            return .done
        }
        let body = EventICalCoding.calendar([event])
        let response = try target.client.send("PUT", url, headers: headers, body: body, contentType: "text/calendar; charset=utf-8")
        if response.status == 412 || (response.status == 404 && known != nil) { return .conflict }
        guard (200..<300).contains(response.status) else { return .refused(response.status) }
        state.resources[event.uid] = .init(href: href, etag: response.header("ETag"))
        return .done
    }
}
