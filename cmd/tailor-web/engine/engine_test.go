package engine

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func sample(t *testing.T, path string) File {
	t.Helper()
	data, err := os.ReadFile("../../../" + path)
	if err != nil {
		t.Fatal(err)
	}
	return File{Name: path[strings.LastIndex(path, "/")+1:], Data: data}
}

// TestRun_PastedJobReadsAsItsFile checks that a job pasted into the page
// is read as the same ad given as a Markdown file.
func TestRun_PastedJobReadsAsItsFile(t *testing.T) {
	resume := sample(t, "testdata/samples/partial-ml.pdf")
	job := sample(t, "testdata/jobs/cv-engineer.md")
	var scores [2]float64
	for i, req := range []Request{
		{Resumes: []File{resume}, JobFile: &job},
		{Resumes: []File{resume}, JobText: string(job.Data)},
	} {
		resp := Run(req)
		if resp.Error != "" || resp.Kind != KindReport || !strings.Contains(resp.HTML, "<main>") {
			t.Fatalf("request %d: %+v", i, resp.Error)
		}
		var r struct{ Score float64 }
		if err := json.Unmarshal([]byte(resp.JSON), &r); err != nil {
			t.Fatal(err)
		}
		scores[i] = r.Score
	}
	if scores[0] != scores[1] || scores[0] == 0 {
		t.Errorf("job file scores %v, the same job pasted %v", scores[0], scores[1])
	}
}

// TestRun_ShortlistAccountsForEveryFile checks that several resumes give
// a shortlist in which a damaged and an unsupported file are rows saying
// why, never the end of the run.
func TestRun_ShortlistAccountsForEveryFile(t *testing.T) {
	resp := Run(Request{Resumes: []File{
		sample(t, "testdata/samples/strong-dl.pdf"),
		{Name: "broken.pdf", Data: []byte("%PDF-1.7 not really")},
		{Name: "photo.png", Data: []byte{0x89, 'P', 'N', 'G'}},
		sample(t, "testdata/samples/web-dev-decoys.txt"),
	}})
	if resp.Error != "" || resp.Kind != KindShortlist {
		t.Fatalf("shortlist: %+v", resp.Error)
	}
	var b struct {
		Ranked, Failed, Skipped int
		Rows                    []struct {
			File, Status, Error string
			Rank                int
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(resp.JSON), &b); err != nil {
		t.Fatal(err)
	}
	if b.Ranked != 2 || b.Failed != 1 || b.Skipped != 1 || len(b.Rows) != 4 {
		t.Fatalf("%d ranked, %d failed, %d skipped, %d rows; want 2, 1, 1, 4", b.Ranked, b.Failed, b.Skipped, len(b.Rows))
	}
	if b.Rows[0].File != "strong-dl.pdf" || b.Rows[0].Rank != 1 {
		t.Errorf("first row %+v, want strong-dl.pdf ranked 1", b.Rows[0])
	}
	for _, r := range b.Rows[2:] {
		if r.Error == "" || !strings.HasPrefix(r.Error, r.File+":") {
			t.Errorf("row %+v does not say why, naming the file", r)
		}
	}
}

// TestRun_Errors checks the one-line errors a person sees.
func TestRun_Errors(t *testing.T) {
	for _, tt := range []struct {
		req  Request
		want string
	}{
		{Request{}, "no resume"},
		{Request{Resumes: []File{{Name: "cv.pdf", Data: []byte("hello")}}}, "cv.pdf: "},
		{Request{Resumes: []File{{Name: "cv.odt", Data: []byte("x")}}}, "cv.odt: "},
		{Request{Resumes: []File{{Name: "cv.txt", Data: []byte("Python")}}, JobFile: &File{Name: "job.pdf", Data: []byte("nope")}}, "job job.pdf: "},
	} {
		resp := Run(tt.req)
		if !strings.HasPrefix(resp.Error, tt.want) || strings.Contains(resp.Error, "\n") || resp.Kind != "" {
			t.Errorf("error %q, want one line starting %q", resp.Error, tt.want)
		}
	}
}
