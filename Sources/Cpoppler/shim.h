// poppler's GLib API and the cairo calls used to render a page for its ruling lines.
// Only Sources/InputKit/Readers/PDFPoppler.swift imports this module.
#include <poppler.h>
#include <cairo.h>
