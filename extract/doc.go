// Package extract turns a resume or job description file into a Document:
// normalised text, its lines with their page and position, the sections the
// text is divided into, and warnings a reader can act on.
//
// It reads PDF (through its own text-state interpreter over the objects that
// github.com/ledongthuc/pdf decodes), DOCX (streaming word/document.xml out
// of the zip archive with the standard library: paragraphs, lists, tables,
// text boxes, and headings from paragraph styles), plain text and Markdown.
// Every reader bounds the work a hostile file can cause. It does not
// find skills or judge the text; that is package match. It never prints and
// never exits: every failure is an error that names the file, and the
// sentinel errors below let callers tell the causes apart with errors.Is.
//
// extract is the only package of tailor that imports the PDF library, and
// every call into it sits behind a boundary that turns a panic into an
// error.
package extract
