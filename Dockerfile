# tailor in a container: a static binary on a distroless base, run as a
# non-root user. The build stage runs the same command as CI's
# cross-builds (make release-check builds it with these flags):
#   CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" ./cmd/tailor
#
#   docker build -t tailor .
#   docker run --rm --network none -v "$PWD:/data" tailor check /data/resume.pdf
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=unknown
RUN CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X github.com/tailor-cli/tailor/cmd/tailor/internal/cli.Version=${VERSION} -X github.com/tailor-cli/tailor/cmd/tailor/internal/cli.Commit=${COMMIT}" \
    -o /out/tailor ./cmd/tailor

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/tailor /usr/local/bin/tailor
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/tailor"]
