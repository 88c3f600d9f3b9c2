module github.com/tailor-cli/tailor

go 1.26.8

require (
	github.com/ledongthuc/pdf v0.0.0-20260907135840-6c8c28e0e8a0
	golang.org/x/text v0.44.0
)

require (
	github.com/jdkato/prose/v3 v3.2.3 // indirect
	github.com/urfave/cli/v3 v3.14.0 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)
