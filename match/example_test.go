package match_test

import (
	"fmt"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
)

func ExampleCompare() {
	tax, err := taxonomy.Builtin()
	if err != nil {
		fmt.Println(err)
		return
	}
	jobDoc, _ := extract.ReadText("job.txt", []byte("Requirements:\n- PyTorch and RNNs.\n- Kubernetes is a plus."), extract.FormatText)
	jd := job.New("job.txt", jobDoc, tax)
	resume, _ := extract.ReadText("cv.txt", []byte("Experience\n- Trained LSTM models in PyTorch."), extract.FormatText)
	r := match.Compare(jd, resume)
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
