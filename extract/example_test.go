package extract_test

import (
	"fmt"

	"github.com/tailor-cli/tailor/extract"
)

func ExampleRead() {
	doc, err := extract.Read("../testdata/samples/partial-ml.pdf", extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Format, doc.Pages, "page")
	for _, s := range doc.Sections[:3] {
		fmt.Println(s.Name)
	}
	// Output:
	// pdf 1 page
	// Header
	// Summary
	// Experience
}
