import Foundation
import RingbackCore
import RingbackJSON

/// Reads the jobs on one page of a field-service tool's answer. A job that cannot be read is a reject
/// naming the field; the others on the page are kept. A job with no appointment yet (unscheduled) is
/// not a booking and is passed over.
package struct BookingRecordReader: Sendable {
    package let system: BookingSystem

    package struct Page: Sendable {
        package var jobs: [BookedJob] = []
        package var rejects: [RecordReject] = []
        package var records = 0
        /// The latest change among the records read (jobs and unscheduled ones, not rejects): the watermark's next value.
        package var latestUpdate: Date?
        /// The earliest change of any record on the page: a listing sorted by change has reached older ones.
        package var oldestUpdate: Date?
    }

    package init(system: BookingSystem) {
        self.system = system
    }

    package func read(_ page: JSONValue, file: String) -> Page {
        var out = Page()
        guard let records = page.value(at: system.recordsPath)?.array else {
            out.rejects.append(
                RecordReject(
                    file: file, location: "1",
                    reason: "expected a list of jobs at `\(system.recordsPath)`; is this a \(system.displayName) answer?", raw: page.text))
            return out
        }
        for (index, record) in records.enumerated() {
            out.records += 1
            let location = "\(system.recordsPath)[\(index)]"
            let updated = record.value(at: updatedPath)?.scalarText.flatMap(Self.parseTime)
            if let updated, out.oldestUpdate.map({ updated < $0 }) ?? true { out.oldestUpdate = updated }
            do throws(FieldProblem) {
                if let job = try job(record) { out.jobs.append(job) }
                if let updated, out.latestUpdate.map({ updated > $0 }) ?? true { out.latestUpdate = updated }
            } catch {
                out.rejects.append(RecordReject(file: file, location: location, reason: error.message, raw: record.text))
            }
        }
        return out
    }

    private var updatedPath: String { system == .jobber ? "updatedAt" : "updated_at" }

    package struct FieldProblem: Error {
        var message: String
    }

    private func job(_ record: JSONValue) throws(FieldProblem) -> BookedJob? {
        switch system {
        case .jobber:
            let id = try text(record, "id", required: true)!
            let number = try text(record, "jobNumber")
            let visitStart = try text(record, "visits.nodes[0].startAt")
            let visitEnd = try text(record, "visits.nodes[0].endAt")
            let startField = visitStart != nil ? "visits.nodes[0].startAt" : "startAt"
            let jobStart = try text(record, "startAt")
            guard let startText = visitStart ?? jobStart else { return nil }
            let start = try time(startText, field: startField)
            let jobEnd = try text(record, "endAt")
            let endText = visitEnd ?? jobEnd
            let end = try optionalTime(endText, field: visitEnd != nil ? "visits.nodes[0].endAt" : "endAt") ?? start.addingTimeInterval(3600)
            let name = try text(record, "client.name") ?? ""
            var phones: [String] = []
            if let list = record.value(at: "client.phones") {
                guard let items = list.array else { throw FieldProblem(message: "client.phones: expected a list of phones") }
                for (position, item) in items.enumerated() {
                    guard let number = try text(item, "number", shownAs: "client.phones[\(position)].number") else { continue }
                    phones.append(number)
                }
            }
            try needContact(name: name, phones: phones, phoneField: "client.phones")
            let title = try text(record, "title") ?? ""
            let shownNumber = number.map { "#\($0)" } ?? id
            return BookedJob(
                id: id, updatedAt: try optionalTime(try text(record, "updatedAt"), field: "updatedAt"), start: start, end: max(end, start),
                title: "Job \(shownNumber)\(title.isEmpty ? "" : ": \(title)")", details: Self.details(name: name, phones: phones),
                reference: "Jobber job \(shownNumber)")
        case .housecallPro:
            let id = try text(record, "id", required: true)!
            guard let startText = try text(record, "schedule.scheduled_start") else { return nil }
            let start = try time(startText, field: "schedule.scheduled_start")
            let end =
                try optionalTime(try text(record, "schedule.scheduled_end"), field: "schedule.scheduled_end") ?? start.addingTimeInterval(3600)
            let first = try text(record, "customer.first_name") ?? ""
            let last = try text(record, "customer.last_name") ?? ""
            let name = [first, last].filter { !$0.isEmpty }.joined(separator: " ")
            var phones: [String] = []
            for field in ["mobile_number", "home_number", "work_number"] {
                if let number = try text(record, "customer.\(field)") { phones.append(number) }
            }
            try needContact(name: name, phones: phones, phoneField: "customer.mobile_number")
            let invoice = try text(record, "invoice_number")
            let description = try text(record, "description") ?? ""
            let shown = invoice.map { "#\($0) (\(id))" } ?? id
            return BookedJob(
                id: id, updatedAt: try optionalTime(try text(record, "updated_at"), field: "updated_at"), start: start, end: max(end, start),
                title: "Job \(invoice.map { "#\($0)" } ?? id)\(description.isEmpty ? "" : ": \(description)")",
                details: Self.details(name: name, phones: phones), reference: "Housecall Pro job \(shown)")
        }
    }

    static func details(name: String, phones: [String]) -> String {
        ["Customer: \(name)", phones.isEmpty ? "" : "Phone: \(phones.joined(separator: ", "))"].filter { !$0.hasSuffix(": ") && !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// A job names its customer by a phone or a full name, or nothing can be booked by it.
    private func needContact(name: String, phones: [String], phoneField: String) throws(FieldProblem) {
        if phones.isEmpty && name.split(separator: " ").count < 2 {
            throw FieldProblem(message: "\(phoneField): no customer phone (and no full name) to find the lead by")
        }
    }

    /// The text at `path`; nil when absent, null or empty. A list or object there is a problem naming the field.
    private func text(_ record: JSONValue, _ path: String, required: Bool = false, shownAs: String? = nil) throws(FieldProblem) -> String? {
        let field = shownAs ?? path
        guard let value = record.value(at: path), !value.isNull else {
            if required { throw FieldProblem(message: "\(field): missing") }
            return nil
        }
        guard let scalar = value.scalarText else {
            throw FieldProblem(message: "\(field): expected text, found \(value.array != nil ? "a list" : "an object")")
        }
        let trimmed = scalar.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if required { throw FieldProblem(message: "\(field): empty") }
            return nil
        }
        return trimmed
    }

    private func optionalTime(_ text: String?, field: String) throws(FieldProblem) -> Date? {
        guard let text else { return nil }
        return try time(text, field: field)
    }

    private func time(_ text: String, field: String) throws(FieldProblem) -> Date {
        guard let date = Self.parseTime(text) else {
            throw FieldProblem(message: "\(field): \"\(text)\" is not an ISO 8601 time like 2026-11-24T13:00:00Z")
        }
        return date
    }

    /// ISO 8601 with or without fractional seconds.
    static func parseTime(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
