// The build goal ran at package with the POM's options; check ran at verify and passed.
def site = new File(basedir, 'target/public')
def log = new File(basedir, 'build.log').text

assert new File(site, 'index.html').isFile()
assert new File(site, 'articles/vienna-talks/index.html').isFile()
assert new File(site, 'articles/rates/index.html').isFile()
assert !new File(site, 'articles/draft').exists() : 'drafts stay out without <drafts>'
assert new File(site, 'search/lucene').listFiles().any { it.name.startsWith('segments_') }
assert new File(site, 'feed.xml').text.contains('https://example.org/from-the-pom/articles/vienna-talks/')
assert new File(site, 'index.html').text.contains('articles/vienna-talks/index.html') : '<offline> links end in index.html'

assert log.contains('built 2 articles')
assert log.contains('checked 2 articles')
assert log.contains('BUILD SUCCESS')
return true
