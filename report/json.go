package report

import (
	"encoding/json"
	"io"

	"github.com/tailor-cli/tailor/match"
)

// jsonWriter writes the report as indented JSON: the schema documented in
// the README, versioned by schema_version.
type jsonWriter struct{}

func (jsonWriter) Write(w io.Writer, r *match.Report) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
