package match_test

import (
	"fmt"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
)

func ExampleJob_Compare() {
	tax, err := match.BuiltinTaxonomy()
	if err != nil {
		fmt.Println(err)
		return
	}
	jobDoc, _ := extract.ReadText("job.txt", []byte("Requirements:\n- PyTorch and RNNs.\n- Kubernetes is a plus."), extract.FormatText)
	job := match.NewJob("job.txt", jobDoc, tax)
	resume, _ := extract.ReadText("cv.txt", []byte("Experience\n- Trained LSTM models in PyTorch."), extract.FormatText)
	r := job.Compare(resume)
	for _, s := range r.Skills {
		fmt.Printf("%s %s %s\n", s.Name, s.Importance, s.Status)
	}
	fmt.Println("score", r.Score)
	// Output:
	// Kubernetes preferred missing
	// RNN required partial
	// PyTorch required matched
	// score 64.3
}
