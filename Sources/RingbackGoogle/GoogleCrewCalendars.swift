import Foundation
import RingbackCore
import RingbackJSON
import RingbackNormalisation

/// The crew's Google calendars: busy spans from one `freeBusy.query` per 50 calendars (Google's limit),
/// and the single events in the same range from `events.list`, read as jobs for the leads a person
/// booked there. A calendar Google answers with `errors` (not shared with the account, not found) offers
/// no window and is named in the sheet's notes; the rest are used.
package struct GoogleCrewCalendars: CrewCalendarSource {
    package let session: GoogleSession
    package let root: URL
    /// Crew name → calendar id, in config order.
    package let calendars: [(crew: String, id: String)]

    package static let maxCalendarsPerQuery = 50
    /// Google refuses longer free/busy ranges (`timeRangeTooLong`).
    package static let maxRange: TimeInterval = 90 * 86400

    package init(session: GoogleSession, root: URL = GoogleEndpoints.google.calendar, calendars: [(crew: String, id: String)]) {
        self.session = session
        self.root = root
        self.calendars = calendars
    }

    package var crews: [String] { calendars.map(\.crew) }

    package func read(from: Date, to: Date) -> CrewAvailability {
        var reading = CrewAvailability()
        let to = min(to, from.addingTimeInterval(Self.maxRange))
        var start = 0
        while start < calendars.count {
            let chunk = Array(calendars[start..<min(start + Self.maxCalendarsPerQuery, calendars.count)])
            query(chunk, from: from, to: to, into: &reading)
            start += Self.maxCalendarsPerQuery
        }
        for (crew, id) in calendars where reading.busy[crew] != nil {
            do {
                reading.jobs += try jobs(crew: crew, calendarID: id, from: from, to: to)
            } catch {
                reading.problems.append("crew calendar `\(crew)`: its events could not be listed, so bookings made there are not seen: \(error)")
            }
        }
        return reading
    }

    static func rfc3339(_ instant: Date) -> String {
        let c = LocalZone.utc.components(of: instant)
        func pad(_ value: Int, _ width: Int = 2) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    private func query(_ chunk: [(crew: String, id: String)], from: Date, to: Date, into reading: inout CrewAvailability) {
        let body: JSONValue = [
            "timeMin": .string(Self.rfc3339(from)), "timeMax": .string(Self.rfc3339(to)), "timeZone": "UTC",
            "calendarExpansionMax": .number(Double(chunk.count)), "items": .array(chunk.map { ["id": .string($0.id)] }),
        ]
        let operation = "calendar freeBusy query for \(chunk.count) crew calendar\(chunk.count == 1 ? "" : "s")"
        let answer: JSONValue
        do {
            guard let url = GoogleEndpoints.url(root, "calendar/v3/freeBusy") else { return }
            answer = try session.json(method: "POST", url: url, body: body, operation: operation)
        } catch {
            for (crew, _) in chunk { reading.unreadable[crew] = error.description }
            return
        }
        for (crew, id) in chunk {
            guard let calendar = answer["calendars"]?[id] else {
                reading.unreadable[crew] = "Google's free/busy answer has no entry for calendar \(id)"
                continue
            }
            if let errors = calendar["errors"]?.array, !errors.isEmpty {
                let reasons = errors.compactMap { $0["reason"]?.string }.joined(separator: ", ")
                reading.unreadable[crew] = "Google answered `\(reasons)` for calendar \(id) (is it shared with Ringback's account?)"
                continue
            }
            reading.busy[crew] = (calendar["busy"]?.array ?? []).compactMap { span in
                guard let start = span["start"]?.string.flatMap({ TimestampParser.iso8601($0, defaultZone: .utc) }),
                    let end = span["end"]?.string.flatMap({ TimestampParser.iso8601($0, defaultZone: .utc) })
                else { return nil }
                return BusyInterval(start: start, end: end)
            }.sorted()
        }
    }

    /// Timed, confirmed single events (recurring ones expanded by Google) between `from` and `to`.
    private func jobs(crew: String, calendarID: String, from: Date, to: Date) throws(GoogleAPIError) -> [CrewJobEvent] {
        var jobs: [CrewJobEvent] = []
        var pageToken: String?
        repeat {
            var query = "timeMin=\(Self.rfc3339(from))&timeMax=\(Self.rfc3339(to))&singleEvents=true&maxResults=2500"
            if let pageToken { query += "&pageToken=" + (pageToken.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? pageToken) }
            let path = CalendarRESTClient.eventsPath(calendarID: calendarID)
            guard let url = GoogleEndpoints.url(root, path, query: query.replacingOccurrences(of: ":", with: "%3A")) else { return jobs }
            let page = try session.json(method: "GET", url: url, body: nil, operation: "calendar list events of crew calendar \(calendarID)")
            for item in page["items"]?.array ?? [] where item["status"]?.string != "cancelled" && item["recurringEventId"] == nil {
                guard let start = item["start"]?["dateTime"]?.string.flatMap({ TimestampParser.iso8601($0, defaultZone: .utc) }),
                    let end = item["end"]?["dateTime"]?.string.flatMap({ TimestampParser.iso8601($0, defaultZone: .utc) })
                else { continue }
                jobs.append(
                    CrewJobEvent(
                        crew: crew, start: start, end: end, title: item["summary"]?.string ?? "", details: item["description"]?.string ?? "",
                        location: item["location"]?.string ?? ""))
            }
            pageToken = page["nextPageToken"]?.string
        } while pageToken != nil
        return jobs
    }
}
