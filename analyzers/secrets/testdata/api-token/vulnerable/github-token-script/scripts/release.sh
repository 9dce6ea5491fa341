#!/usr/bin/env bash
export GH_TOKEN=ghp_jpU05mc4J1WRcQ1uhyMDJ2OXtPAtLpByQxCG # want secrets/api-token
gh release create "$1" --generate-notes
