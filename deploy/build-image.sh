#!/usr/bin/env bash
# Builds Haven's container image from deploy/Containerfile with podman or
# docker, whichever is here (podman first). Not part of the test suite.
#
#   deploy/build-image.sh                      # tags localhost/haven:latest
#   HAVEN_IMAGE=registry.example.org/haven:1 deploy/build-image.sh
#   HAVEN_CONTAINER_ENGINE=docker deploy/build-image.sh
#   deploy/build-image.sh --build-arg RUST_IMAGE=docker.io/library/rust:1.95-bookworm
#
# Arguments are passed on to `podman build` / `docker build`. The build
# sees only the sources (deploy/Containerfile.dockerignore), never target/,
# data/ or a .env.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
image=${HAVEN_IMAGE:-localhost/haven:latest}
engine=${HAVEN_CONTAINER_ENGINE:-}

if [ -z "$engine" ]; then
    if command -v podman >/dev/null 2>&1; then
        engine=podman
    elif command -v docker >/dev/null 2>&1; then
        engine=docker
    else
        echo "build-image.sh: neither podman nor docker is installed" >&2
        echo "  (Debian: apt-get install podman)" >&2
        exit 1
    fi
fi

cd "$root"
echo "Building $image with $engine from $root/deploy/Containerfile"
case "$engine" in
    podman)
        # podman does not look for the ignore file beside the Containerfile.
        podman build \
            --file deploy/Containerfile \
            --ignorefile deploy/Containerfile.dockerignore \
            --tag "$image" \
            "$@" .
        ;;
    docker)
        if ! docker info >/dev/null 2>&1; then
            echo "build-image.sh: docker is installed but its daemon does not answer (docker info)" >&2
            exit 1
        fi
        # BuildKit: needed for the cache mounts, and it reads
        # deploy/Containerfile.dockerignore beside the Containerfile.
        DOCKER_BUILDKIT=1 docker build \
            --file deploy/Containerfile \
            --tag "$image" \
            "$@" .
        ;;
    *)
        echo "build-image.sh: HAVEN_CONTAINER_ENGINE must be podman or docker, not $engine" >&2
        exit 1
        ;;
esac
echo "Built $image"
