#!/bin/sh
# Publishes a built site to an S3 bucket (static website hosting, or behind CloudFront) with the
# AWS CLI, each kind of file with its own caching. See README, "Deploying".
# Usage: BUCKET=my-bucket [PREFIX=news/] sh examples/deploy-s3.sh [SITE]    (SITE: default public)
#
# Cache classes (Cache-Control):
#   immutable  assets/<name>.<hash>.<ext>, search/<hash>.open and search/<hash>.query: the name
#              changes with the bytes
#   a day      search/lucene/*: read as lucene/<name>?v=<hash>, so a browser never mixes two builds'
#              files, but a clean build reuses names (_0.cfs) under the same S3 key, so the object
#              itself is not immutable; after a day the browser revalidates (ETag, a 304)
#   no-cache   everything else: pages, feeds, sitemaps, search/manifest.json, search/runtime/*
#              (revalidated on every visit; unchanged ones answer 304)
# search/runtime/*.wasm gets Content-Type application/wasm, which streaming compilation needs.
# Uploads go in that order, pages last, and deletions after everything: a reader mid-deploy gets
# either the old pages or new pages whose files are already there.
set -eu
site="${1:-public}"
dest="s3://${BUCKET:?set BUCKET to the bucket name}/${PREFIX:-}"
immutable='public, max-age=31536000, immutable'
day='public, max-age=86400'
revalidate='public, no-cache'

aws s3 sync "$site/" "$dest" --only-show-errors --exclude '*' \
  --include 'assets/*.????????.*' --include 'search/*.open' --include 'search/*.query' \
  --cache-control "$immutable"
aws s3 sync "$site/" "$dest" --only-show-errors --exclude '*' \
  --include 'search/lucene/*' --cache-control "$day"
aws s3 sync "$site/" "$dest" --only-show-errors --exclude '*' \
  --include 'search/runtime/*.wasm' --content-type application/wasm --cache-control "$revalidate"
aws s3 sync "$site/" "$dest" --only-show-errors --exclude '.broadsheet-site' \
  --exclude 'assets/*.????????.*' --exclude 'search/*.open' --exclude 'search/*.query' \
  --exclude 'search/lucene/*' \
  --exclude 'search/runtime/*.wasm' --cache-control "$revalidate"
aws s3 sync "$site/" "$dest" --only-show-errors --exclude '.broadsheet-site' --delete
