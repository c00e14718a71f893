// libxml2 for Ringback's XML and HTML readers: the parser, the HTML parser and XPath.
#ifndef RINGBACK_CLIBXML2_SHIM_H
#define RINGBACK_CLIBXML2_SHIM_H

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

#endif
