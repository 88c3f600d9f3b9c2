package match

import (
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

// testTaxonomy is a small taxonomy exercising every kind of term.
const testTaxonomy = `
version: "test-1"
categories:
  - {id: frameworks, name: Frameworks}
  - {id: architectures, name: Architectures}
  - {id: languages, name: Languages}
  - {id: training, name: Training}
  - {id: practices, name: Practices}
skills:
  - {id: pytorch, name: PyTorch, category: frameworks, aliases: [PyTorch], ambiguous: [torch], not: [carried the torch], implies: [deep-learning]}
  - {id: tensorflow, name: TensorFlow, category: frameworks, aliases: [TensorFlow], implies: [deep-learning]}
  - {id: deep-learning, name: Deep learning, category: practices, aliases: [deep learning]}
  - {id: cnn, name: CNN, category: architectures, aliases: [CNN, convolutional neural network], implies: [deep-learning]}
  - {id: rnn, name: RNN, category: architectures, aliases: [RNN, recurrent neural network], implies: [deep-learning]}
  - {id: lstm, name: LSTM, category: architectures, aliases: [LSTM], implies: [rnn]}
  - {id: transformer, name: Transformer, category: architectures, aliases: [transformer architecture, self-attention], ambiguous: [Transformer, transformer], not: [power transformer]}
  - {id: attention, name: Attention mechanism, category: architectures, aliases: [attention mechanism], ambiguous: [attention], not: [attention to detail]}
  - {id: fine-tuning, name: Fine-tuning, category: training, aliases: [fine-tuning]}
  - {id: distributed-training, name: Distributed training, category: training, aliases: [distributed training]}
  - {id: ddp, name: DDP, category: training, aliases: [DDP, DistributedDataParallel], implies: [distributed-training]}
  - {id: go, name: Go, category: languages, aliases: [Golang], ambiguous: [Go], not: [go live]}
  - {id: r, name: R, category: languages, ambiguous: [R]}
  - {id: c, name: C, category: languages, ambiguous: [C]}
  - {id: cpp, name: C++, category: languages, aliases: ["C++"]}
  - {id: csharp, name: "C#", category: languages, aliases: ["C#"]}
  - {id: dotnet, name: .NET, category: frameworks, aliases: [".NET"]}
  - {id: nodejs, name: Node.js, category: frameworks, aliases: [Node.js]}
  - {id: cicd, name: CI/CD, category: practices, aliases: [CI/CD]}
  - {id: python, name: Python, category: languages, aliases: [Python]}
  - {id: gan, name: GAN, category: architectures, exact: [GAN]}
`

func loadTestTaxonomy(t testing.TB) *Taxonomy {
	t.Helper()
	tax, err := LoadTaxonomy("test.yaml", []byte(testTaxonomy), nil)
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

// builtinTaxonomy returns the built-in taxonomy or fails the test.
func builtinTaxonomy(t testing.TB) *Taxonomy {
	t.Helper()
	tax, err := BuiltinTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

// found returns the ids of the skills that count in text read as a plain
// text document.
func found(t testing.TB, tax *Taxonomy, text string) []string {
	t.Helper()
	doc, err := extract.ReadText("t.txt", []byte(text), extract.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	seen := map[string]bool{}
	for _, h := range analyze(doc, tax, isSkillsSection).hits {
		if !seen[h.Skill.ID] {
			seen[h.Skill.ID] = true
			ids = append(ids, h.Skill.ID)
		}
	}
	return ids
}
