#!/usr/bin/env bash
set -euo pipefail

export GH_TOKEN=ghp_md688yro5oQJluu6ZnxjY23GQoKP6ytWaCUO # want secrets/api-token
gh release create "v$(jq -r .version package.json)" --generate-notes
