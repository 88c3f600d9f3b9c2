package extract

import (
	"os"
	"testing"
)

// FuzzDecryptAES256: any bytes, also a damaged AES-256 PDF, decrypt or fail
// without a panic, and a decrypted copy is as long as the file.
func FuzzDecryptAES256(f *testing.F) {
	for _, name := range []string{"encrypted-aes256-no-password.pdf", "encrypted-aes256-objstm.pdf", "encrypted-aes256-r5.pdf"} {
		data, err := os.ReadFile("../testdata/pdf/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("1 0 obj << /V 5 /R 6 /U <00> /UE <00> >> endobj trailer << /Encrypt 1 0 R >>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, ok, err := decryptAES256(data)
		if ok && err == nil && len(out) != len(data) {
			t.Fatalf("decrypted %d bytes into %d", len(data), len(out))
		}
	})
}
