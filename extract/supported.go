package extract

import (
	"path/filepath"
	"strings"
)

// supportedExtensions are the file extensions Read accepts, lower case.
var supportedExtensions = map[string]bool{
	".pdf": true, ".txt": true, ".text": true, ".md": true, ".markdown": true, ".docx": true,
}

// Supported reports whether Read reads files with path's extension.
func Supported(path string) bool {
	return supportedExtensions[strings.ToLower(filepath.Ext(path))]
}
