#!/bin/sh
# Publishes a built site to a folder on a web server (or a local folder) with rsync.
# Usage: sh examples/deploy-rsync.sh SITE DEST    e.g.  sh examples/deploy-rsync.sh public/ www@host:/var/www/news/
#
# -rlt           files, links and times (the times let the next run skip unchanged files)
# --delay-updates  every changed file is put in place at the end, together: readers never get a new
#                page whose search manifest or assets are not there yet
# --delete-delay   files gone from the site are deleted after that, not before
# --chmod        readable by the web server whatever the local umask
# .broadsheet-site is the build's own marker; the web server need not show it.
set -eu
site="${1:?usage: deploy-rsync.sh SITE DEST}"
dest="${2:?usage: deploy-rsync.sh SITE DEST}"
exec rsync -rlt --compress --delay-updates --delete-delay --chmod=D755,F644 \
  --exclude=/.broadsheet-site "${site%/}/" "$dest"
