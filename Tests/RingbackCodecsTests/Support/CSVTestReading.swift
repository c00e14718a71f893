import RingbackCodecs

/// Reads CSV text into owned records for assertions.
func readCSV(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> (records: [CSVRecord], problems: [CSVProblem]) {
    CSVReader(bytes: Array(text.utf8), delimiter: delimiter).readAll()
}

func readCSV(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) -> (records: [CSVRecord], problems: [CSVProblem]) {
    CSVReader(bytes: bytes, delimiter: delimiter).readAll()
}
