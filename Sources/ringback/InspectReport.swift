import RingbackCore
import RingbackMapping

/// What `inspect` says beyond the calls: every record left out or rejected and why, and a mapping
/// that finds almost no caller's number.
struct InspectReport {
    let unfinished: [CallLeg]
    let rejects: [RecordReject]
    let coverageWarning: String?

    init(engine: MappingEngine, read: MappingEngine.FileResult, calls: [Call]) {
        unfinished = read.legs.filter(engine.isUnfinished)
        rejects = read.rejects
        coverageWarning = CallerNumberCoverage(legs: read.legs).warning(spec: engine.spec)
    }

    var lines: [String] {
        var out: [String] = []
        for leg in unfinished {
            out.append(
                "left out \(leg.location)\(leg.id.isEmpty ? "" : " (\(leg.id))"): the call has not ended yet (outcome.unfinished_when); a later pull or export reads how it ended"
            )
        }
        for reject in rejects { out.append("rejected \(reject.location): \(reject.reason)") }
        if let coverageWarning { out.append("warning: \(coverageWarning)") }
        return out
    }
}
