// Package text splits a document's text into what the other match layers
// read: tokens with byte offsets (the only package that imports prose),
// sentences, noun phrases and people's names from prose's models, list
// bullets and label lines, and word helpers (stems, inflections, plurals,
// whether two wordings are one term).
//
// text knows English and the shapes of documents; it must know nothing of
// skills, taxonomies, jobs or resumes, so that every layer above can use it.
package text
