// pack wrote one zip: the site at its top, offline links, the Lucene index and its script chunks.
import java.util.zip.ZipFile

def zip = new File(basedir, 'target/gazette.zip')
assert zip.isFile()
new ZipFile(zip).withCloseable { z ->
  def names = z.entries().collect { it.name }
  assert names.contains('index.html')
  assert names.contains('articles/vienna-talks/index.html')
  assert names.contains('articles/rates/index.html')
  assert names.any { it.startsWith('search/lucene/segments_') }
  assert names.any { it.startsWith('search/offline/') } : 'pack builds for file://'
  def front = z.getInputStream(z.getEntry('index.html')).text
  assert front.contains('articles/vienna-talks/index.html')
}
def log = new File(basedir, 'build.log').text
assert log.contains('packed 2 articles')
assert log.contains('BUILD SUCCESS')
return true
