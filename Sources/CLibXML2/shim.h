#ifndef TRIBUTARY_CLIBXML2_SHIM_H
#define TRIBUTARY_CLIBXML2_SHIM_H

// xmlversion.h first, then switch ICU off: Foundation on Linux ships its own ICU headers and a
// module that sees both fails a clean build ("'UErrorCode' has different definitions").
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlstring.h>
#include <stdlib.h>
#include <string.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 refuses to read.
static inline void tributary_xmlFree(void *pointer) { xmlFree(pointer); }

/// The libxml2 version as a number, e.g. 20914.
static inline int tributary_libxmlVersion(void) { return LIBXML_VERSION; }

/// A heap entity that the parser treats like `&amp;`: its text is inlined as character data.
static inline xmlEntityPtr tributary_newTextEntity(const xmlChar *name, const xmlChar *content) {
    xmlEntityPtr entity = (xmlEntityPtr)calloc(1, sizeof(xmlEntity));
    if (entity == NULL) return NULL;
    entity->type = XML_ENTITY_DECL;
    entity->etype = XML_INTERNAL_PREDEFINED_ENTITY;
    entity->name = xmlStrdup(name);
    entity->content = xmlStrdup(content);
    entity->length = xmlStrlen(entity->content);
    entity->checked = 1;
    return entity;
}

/// Frees an entity made by `tributary_newTextEntity`, with the raw value libxml2 hands it
/// (`orig`) when the document declares an entity of that name.
static inline void tributary_freeTextEntity(xmlEntityPtr entity) {
    if (entity == NULL) return;
    xmlFree((xmlChar *)entity->name);
    xmlFree(entity->content);
    if (entity->orig != NULL) xmlFree(entity->orig);
    free(entity);
}

/// Marks the parse as still well-formed, so libxml2 keeps delivering entity references after a
/// recovered error (it drops them once `wellFormed` is 0). The caller tracks errors itself.
static inline void tributary_keepDeliveringEntities(xmlParserCtxtPtr context) {
    if (context != NULL) context->wellFormed = 1;
}

/// Makes a new parser context intern its names in `dict` (shared with earlier parses, see
/// `XMLNameCache`) instead of its own: the context takes a reference, and the names libxml2 keeps
/// ready-made (`xml`, `xmlns`, the XML namespace) are looked up again in it, as libxml2 itself
/// does where it gives a context another's dictionary. Call before the first chunk.
static inline void tributary_shareDictionary(xmlParserCtxtPtr context, xmlDictPtr dict) {
    if (context == NULL || dict == NULL || context->dict == dict) return;
    if (context->dict != NULL) xmlDictFree(context->dict);
    context->dict = dict;
    xmlDictReference(dict);
    context->str_xml = xmlDictLookup(dict, BAD_CAST "xml", 3);
    context->str_xmlns = xmlDictLookup(dict, BAD_CAST "xmlns", 5);
    context->str_xml_ns = xmlDictLookup(dict, XML_XML_NAMESPACE, 36);
}

/// Current line and column of a parser context.
static inline int tributary_contextLine(xmlParserCtxtPtr context) {
    return context == NULL ? 0 : xmlSAX2GetLineNumber(context);
}
static inline int tributary_contextColumn(xmlParserCtxtPtr context) {
    return context == NULL ? 0 : xmlSAX2GetColumnNumber(context);
}

#endif
