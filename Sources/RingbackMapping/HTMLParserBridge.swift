import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libxml2's HTML parser, from the copy of libxml2 that FoundationXML loads. FoundationXML itself
/// only offers the XML parser, which gives up on a page cut off at the top or an unclosed `<br>`;
/// this reads the page as a browser would and writes it back as XML for `XMLDocument` and XPath.
enum HTMLParserBridge {
    /// The page as well-formed XML, or nil when libxml2's HTML functions cannot be found.
    static func xml(fromHTML bytes: [UInt8]) -> [UInt8]? {
        guard let library = functions, !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                library.readMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", parseOptions)
            }
        }
        guard let document else { return nil }
        defer { library.freeDocument(document) }
        guard let buffer = library.createBuffer() else { return nil }
        defer { library.freeBuffer(buffer) }
        guard let saver = library.saveToBuffer(buffer, "UTF-8", saveAsXML) else { return nil }
        _ = library.saveDocument(saver, document)
        _ = library.closeSaver(saver)
        guard let content = library.bufferContent(buffer) else { return nil }
        return Array(UnsafeBufferPointer(start: content, count: Int(library.bufferLength(buffer))))
    }

    /// HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET: take what
    /// can be read, say nothing on standard error (the run's log), never touch the network.
    private static let parseOptions: Int32 = 1 | 1 << 5 | 1 << 6 | 1 << 11
    /// XML_SAVE_AS_XML
    private static let saveAsXML: Int32 = 1 << 5

    private struct Functions: @unchecked Sendable {
        typealias ReadMemory = @convention(c) (UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32) -> OpaquePointer?
        typealias CreateBuffer = @convention(c) () -> OpaquePointer?
        typealias SaveToBuffer = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> OpaquePointer?
        typealias SaveDocument = @convention(c) (OpaquePointer?, OpaquePointer?) -> Int
        typealias CloseSaver = @convention(c) (OpaquePointer?) -> Int32
        typealias BufferContent = @convention(c) (OpaquePointer?) -> UnsafePointer<UInt8>?
        typealias BufferLength = @convention(c) (OpaquePointer?) -> Int32
        typealias Free = @convention(c) (OpaquePointer?) -> Void

        let readMemory: ReadMemory
        let createBuffer: CreateBuffer
        let saveToBuffer: SaveToBuffer
        let saveDocument: SaveDocument
        let closeSaver: CloseSaver
        let bufferContent: BufferContent
        let bufferLength: BufferLength
        let freeBuffer: Free
        let freeDocument: Free
    }

    private static let functions: Functions? = {
        // Loading FoundationXML's parser brings libxml2 into the process.
        _ = try? XMLDocument(xmlString: "<loaded/>")
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(nil, name).map { unsafeBitCast($0, to: type) }
        }
        guard let readMemory = symbol("htmlReadMemory", as: Functions.ReadMemory.self),
              let createBuffer = symbol("xmlBufferCreate", as: Functions.CreateBuffer.self),
              let saveToBuffer = symbol("xmlSaveToBuffer", as: Functions.SaveToBuffer.self),
              let saveDocument = symbol("xmlSaveDoc", as: Functions.SaveDocument.self),
              let closeSaver = symbol("xmlSaveClose", as: Functions.CloseSaver.self),
              let bufferContent = symbol("xmlBufferContent", as: Functions.BufferContent.self),
              let bufferLength = symbol("xmlBufferLength", as: Functions.BufferLength.self),
              let freeBuffer = symbol("xmlBufferFree", as: Functions.Free.self),
              let freeDocument = symbol("xmlFreeDoc", as: Functions.Free.self)
        else { return nil }
        return Functions(readMemory: readMemory, createBuffer: createBuffer, saveToBuffer: saveToBuffer, saveDocument: saveDocument,
                         closeSaver: closeSaver, bufferContent: bufferContent, bufferLength: bufferLength,
                         freeBuffer: freeBuffer, freeDocument: freeDocument)
    }()
}
