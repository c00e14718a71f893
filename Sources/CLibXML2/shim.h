// libxml2 for Ringback's XML and HTML readers: the parser, the HTML parser and XPath.
#ifndef RINGBACK_CLIBXML2_SHIM_H
#define RINGBACK_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, whose headers clash with the toolchain's own copy of ICU in
// Foundation when one Swift module sees both. Ringback never touches ICU converters (or the fields
// of xmlCharEncodingHandler they add), so libxml2's headers are read without them.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer, which Swift 6 cannot read safely; this calls it.
static inline void ringback_xml_free(void *pointer) {
    xmlFree(pointer);
}

/// libxml2 prints a few XPath errors ("function x not found") through its generic handler, which
/// is variadic and so cannot be written in Swift; this one says nothing.
static inline void ringback_xml_silent(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/// Silences libxml2's generic error output on the calling thread (the handler is per thread);
/// Ringback reads every error through the structured handlers instead.
static inline void ringback_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, ringback_xml_silent);
}

#endif
