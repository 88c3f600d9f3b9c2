package extract

import (
	"path/filepath"
	"strings"
)

// supportedExtensions are the resume formats: the file extensions Read
// accepts, lower case, but for web pages (.html, .htm), which Read takes
// for job ads and screen does not take for resumes.
var supportedExtensions = map[string]bool{
	".pdf": true, ".txt": true, ".text": true, ".md": true, ".markdown": true, ".docx": true,
}

// Supported reports whether path's extension is a resume format Read
// reads: what screen collects from a folder.
func Supported(path string) bool {
	return supportedExtensions[strings.ToLower(filepath.Ext(path))]
}
