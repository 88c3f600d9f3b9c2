package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

// cleanResume is a resume with everything the warnings look for.
var cleanResume = []string{
	"Ana Lee", "ana.lee@example.com  +44 20 7946 0958", "", "Experience",
	"Built forecasting models for retail demand across many stores and seasons.",
	"Led a team of four analysts and shipped weekly reports to the board.",
	"Education", "MSc Statistics, University of Leeds, 2016", "Skills", "Python, SQL, Spark, statistics, forecasting",
}

func codes(doc *extract.Document) []string {
	var out []string
	for _, w := range doc.Warnings {
		out = append(out, w.Code)
	}
	return out
}

func TestWarnings(t *testing.T) {
	t.Parallel()
	filler := strings.Repeat("Delivered measurable results for customers and colleagues every quarter. ", 8)
	long := append(append([]string{}, cleanResume...), filler)
	tests := []struct {
		name string
		doc  func() (*extract.Document, error)
		want []string // codes that must fire
		not  []string // codes that must stay silent
	}{
		{"clean text resume", func() (*extract.Document, error) {
			return extract.ReadText("cv.txt", []byte(strings.Join(long, "\n")), extract.FormatText)
		}, nil, []string{extract.WarnNoEmail, extract.WarnNoPhone, extract.WarnNoExperience, extract.WarnNoEducation, extract.WarnNoSkills, extract.WarnFewWords, extract.WarnLong}},
		{"no contact, no sections, few words", func() (*extract.Document, error) {
			return extract.ReadText("cv.txt", []byte("Ana Lee\nI like building models."), extract.FormatText)
		}, []string{extract.WarnNoEmail, extract.WarnNoPhone, extract.WarnNoExperience, extract.WarnNoEducation, extract.WarnNoSkills, extract.WarnFewWords}, nil},
		{"three pages", func() (*extract.Document, error) {
			page := textPage(cleanResume...)
			return extract.ParsePDF("cv.pdf", buildPDFPages(page, page, page), extract.Options{})
		}, []string{extract.WarnLong}, []string{extract.WarnGarbled}},
		{"fonts without a Unicode map", func() (*extract.Document, error) {
			garbage := "BT /F3 10 Tf 72 600 Td <" + strings.Repeat("0123", 300) + "> Tj ET "
			return extract.ParsePDF("cv.pdf", buildPDFPages(textPage(cleanResume...)+" "+garbage), extract.Options{})
		}, []string{extract.WarnGarbled}, nil},
		{"Windows-1252 text", func() (*extract.Document, error) {
			return extract.ReadText("cv.txt", []byte("Jos\xe9 M\xfcller\n"+strings.Join(long, "\n")), extract.FormatText)
		}, []string{extract.WarnNotUTF8}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := tt.doc()
			if err != nil {
				t.Fatal(err)
			}
			got := codes(doc)
			for _, c := range tt.want {
				if !slices.Contains(got, c) {
					t.Errorf("%s does not fire; warnings %v", c, got)
				}
			}
			for _, c := range tt.not {
				if slices.Contains(got, c) {
					t.Errorf("%s fires; warnings %v", c, got)
				}
			}
			for _, w := range doc.Warnings {
				if w.Message == "" || strings.Contains(w.Message, "\n") {
					t.Errorf("%s: message %q is not one line", w.Code, w.Message)
				}
			}
		})
	}
}

// TestWarnings_CleanSamples: the sample resumes, made to be complete, get
// no warning.
func TestWarnings_CleanSamples(t *testing.T) {
	t.Parallel()
	for _, f := range []string{"strong-dl.pdf", "partial-ml.pdf", "web-dev-decoys.pdf", "partial-ml.docx", "strong-dl.md", "web-dev-decoys.txt"} {
		doc, err := extract.Read(samples+f, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := codes(doc); len(got) != 0 {
			t.Errorf("%s: warnings %v", f, got)
		}
	}
}

// TestLanguageWarning: a resume written in German gets the not-english
// warning, which a job keeps too; English text, terse or not, does not.
func TestLanguageWarning(t *testing.T) {
	t.Parallel()
	de := "Anna Schmidt\n\nBerufserfahrung\n" + strings.Repeat("- Entwicklung von Modellen für die Bilderkennung mit PyTorch und TensorFlow bei der Firma in Berlin, die wir auch im Betrieb nutzen.\n", 4)
	en := "Ana Lee\n\nExperience\n" + strings.Repeat("- Built detection models for the warehouse team with PyTorch and trained them on a cluster of eight GPUs.\n", 10)
	terse := "Ana Lee\n\nSkills\n" + strings.Repeat("Python, PyTorch, CUDA, Docker, Kubernetes, Triton, TensorRT, ONNX\n", 20)
	for text, want := range map[string]bool{de: true, en: false, terse: false} {
		doc, err := extract.ReadText("cv.txt", []byte(text), extract.FormatText)
		if err != nil {
			t.Fatal(err)
		}
		got := slices.ContainsFunc(doc.Warnings, func(w extract.Warning) bool { return w.Code == extract.WarnNotEnglish })
		if got != want {
			t.Errorf("%.40q: not-english %v, want %v (%v)", text, got, want, doc.Warnings)
		}
	}
	if !extract.ReadingWarnings[extract.WarnNotEnglish] {
		t.Error("a job description would drop the warning")
	}
}
